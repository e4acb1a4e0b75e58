import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { open, seal } from "@/lib/secrets/aead";
import { SecretError } from "@/lib/secrets/errors";

const key = randomBytes(32);
const kindOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof SecretError ? err.kind : "other";
  }
  return "none";
};

describe("AES-256-GCM sealing", () => {
  it("round-trips, with a fresh 12-byte nonce per write", () => {
    const a = seal(key, "row-1", "password", "hunter2 ünïcode");
    const b = seal(key, "row-1", "password", "hunter2 ünïcode");
    expect(a).not.toBe(b);
    expect(Buffer.from(a.split(".")[2]!, "base64url")).toHaveLength(12);
    expect(open(key, "row-1", "password", a)).toBe("hunter2 ünïcode");
  });

  it("binds the row id and field name", () => {
    const sealed = seal(key, "row-1", "password", "x");
    expect(kindOf(() => open(key, "row-2", "password", sealed))).toBe("tampered");
    expect(kindOf(() => open(key, "row-1", "privateKey", sealed))).toBe("tampered");
  });

  it("tells a wrong key from tampering and from garbage", () => {
    const sealed = seal(key, "r", "f", "x");
    expect(kindOf(() => open(randomBytes(32), "r", "f", sealed))).toBe("wrong-key");
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[body.length - 1]! ^= 0x80;
    expect(kindOf(() => open(key, "r", "f", [...parts.slice(0, 3), body.toString("base64url")].join(".")))).toBe("tampered");
    expect(kindOf(() => open(key, "r", "f", "not sealed"))).toBe("malformed");
    expect(kindOf(() => open(key, "r", "f", `${parts.slice(0, 3).join(".")}.AA`))).toBe("malformed");
  });
});
