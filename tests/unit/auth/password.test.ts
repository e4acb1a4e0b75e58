import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("stores scrypt with its parameters and a per-user salt", async () => {
    const a = await hashPassword("s3cret password");
    const b = await hashPassword("s3cret password");
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("s3cret");
  });

  it("verifies the right password and refuses others", async () => {
    const stored = await hashPassword("s3cret password");
    expect(await verifyPassword("s3cret password", stored)).toBe(true);
    expect(await verifyPassword("s3cret passwore", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("refuses a malformed stored hash instead of throwing, and parameters that would exhaust the server", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1073741824$8$1$c2FsdA==$aGFzaA==")).toBe(false);
    expect(await verifyPassword("x", "scrypt$1000$8$1$c2FsdA==$aGFzaA==")).toBe(false);
  });

  it("verifies a hash made with the old parameters (N=2^14) and asks for it to be upgraded", async () => {
    // Made by the previous hashPassword (scrypt, N=16384, r=8, p=1) for "old password 1".
    const { scryptSync } = await import("node:crypto");
    const salt = Buffer.from("0123456789abcdef");
    const old = ["scrypt", 16384, 8, 1, salt.toString("base64"), scryptSync("old password 1", salt, 64, { N: 16384, r: 8, p: 1 }).toString("base64")].join("$");
    expect(await verifyPassword("old password 1", old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword("old password 1"))).toBe(false);
  });
});
