import "server-only";
import { createHash } from "node:crypto";

// OpenSSH shows host keys as `SHA256:` + unpadded base64 of sha256(key blob),
// e.g. `ssh-keygen -lf`. Operators compare what we show against that, so we
// never show ssh2's `hostHash` hex.

/** OpenSSH's SHA256 fingerprint of a public-key blob (the SSH wire format). */
export function fingerprintOf(keyBlob: Buffer): string {
  return `SHA256:${createHash("sha256").update(keyBlob).digest("base64").replace(/=+$/, "")}`;
}

/** The algorithm name a key blob starts with (`ssh-ed25519`, `ecdsa-sha2-nistp256`, …). */
export function keyTypeOf(keyBlob: Buffer): string {
  // Wire format: uint32 length, then the name, then algorithm-specific fields.
  if (keyBlob.length < 4) return "unknown";
  const length = keyBlob.readUInt32BE(0);
  if (length === 0 || length > 64 || 4 + length > keyBlob.length) return "unknown";
  return keyBlob.subarray(4, 4 + length).toString("latin1");
}

/** Compares fingerprints the way an operator would: the `SHA256:` prefix is optional. */
export function sameFingerprint(a: string, b: string): boolean {
  const strip = (f: string) => f.trim().replace(/^SHA256:/, "");
  return strip(a) === strip(b) && strip(a).length > 0;
}
