import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fingerprintOf, keyTypeOf, sameFingerprint } from "@/lib/ssh/fingerprint";

const dir = mkdtempSync(path.join(tmpdir(), "sy-fp-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The reference is OpenSSH itself: `ssh-keygen -lf` on the same public key.
for (const type of ["ed25519", "ecdsa", "rsa"]) {
  describe(`${type} key`, () => {
    const file = path.join(dir, type);
    execFileSync("ssh-keygen", ["-q", "-t", type, ...(type === "rsa" ? ["-b", "2048"] : []), "-N", "", "-f", file]);
    const [algorithm, base64] = readFileSync(`${file}.pub`, "utf8").trim().split(/\s+/);
    const blob = Buffer.from(base64!, "base64");

    it("matches ssh-keygen -lf", () => {
      const expected = execFileSync("ssh-keygen", ["-l", "-E", "sha256", "-f", `${file}.pub`]).toString().split(/\s+/)[1];
      expect(fingerprintOf(blob)).toBe(expected);
      expect(fingerprintOf(blob)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/); // unpadded base64
    });

    it("reads the key type from the blob", () => {
      expect(keyTypeOf(blob)).toBe(algorithm);
    });
  });
}

describe("sameFingerprint", () => {
  it("ignores the SHA256: prefix and surrounding space, nothing else", () => {
    expect(sameFingerprint("SHA256:abc", "abc")).toBe(true);
    expect(sameFingerprint(" SHA256:abc ", "SHA256:abc")).toBe(true);
    expect(sameFingerprint("SHA256:abc", "SHA256:abd")).toBe(false);
    expect(sameFingerprint("SHA256:ABC", "SHA256:abc")).toBe(false);
    expect(sameFingerprint("", "")).toBe(false);
  });

  it("keyTypeOf survives garbage", () => {
    expect(keyTypeOf(Buffer.alloc(2))).toBe("unknown");
    expect(keyTypeOf(Buffer.from([0xff, 0xff, 0xff, 0xff, 1]))).toBe("unknown");
  });
});
