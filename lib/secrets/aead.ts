import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { SecretError } from "./errors";

// Sealed format: v1.<key id>.<nonce>.<ciphertext+tag>, base64url parts.
// The key id (a short hash of the key) lets a wrong key be told apart from tampering.
const VERSION = "v1";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export const keyId = (key: Buffer) => createHash("sha256").update("switchyard-secret-key-id").update(key).digest("hex").slice(0, 8);

// Binding the row id and field name means a ciphertext copied to another row or column fails to open.
const aad = (rowId: string, field: string) => Buffer.from(`${rowId}\u0000${field}`, "utf8");

export function seal(key: Buffer, rowId: string, field: string, plaintext: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(rowId, field));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, keyId(key), nonce.toString("base64url"), body.toString("base64url")].join(".");
}

export function open(key: Buffer, rowId: string, field: string, sealed: string): string {
  const [version, sealedKeyId, nonceText, bodyText, extra] = sealed.split(".");
  if (version !== VERSION || !sealedKeyId || !nonceText || !bodyText || extra !== undefined) {
    throw new SecretError("malformed", "the stored value is not a sealed secret");
  }
  if (sealedKeyId !== keyId(key)) {
    throw new SecretError("wrong-key", "it was encrypted with a different key than SWITCHYARD_SECRET_KEY or the data directory's key file");
  }
  const nonce = Buffer.from(nonceText, "base64url");
  const body = Buffer.from(bodyText, "base64url");
  if (nonce.length !== NONCE_BYTES || body.length < TAG_BYTES) throw new SecretError("malformed", "the stored value is truncated");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(rowId, field));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretError("tampered", "the ciphertext failed authentication (altered, or copied from another row or field)");
  }
}
