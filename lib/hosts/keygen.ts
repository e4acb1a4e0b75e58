import "server-only";
import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";

// An ed25519 key pair in OpenSSH's own formats, from node:crypto alone (ssh2's
// utils.generateKeyPairSync does the same encoding). The private key is the
// unencrypted "openssh-key-v1" container that ssh-keygen writes; the public
// line is what goes into authorized_keys.

const string = (value: Buffer | string) => {
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value, "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
};
const uint32 = (value: number) => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value);
  return out;
};

export type GeneratedKeyPair = { privateKey: string; publicKey: string; fingerprint: string };

export function generateEd25519KeyPair(comment: string): GeneratedKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const pub = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url");
  const seed = Buffer.from(privateKey.export({ format: "jwk" }).d!, "base64url");
  const publicBlob = Buffer.concat([string("ssh-ed25519"), string(pub)]);

  // The two equal check words let a reader tell a wrong passphrase from a bad file.
  const check = randomBytes(4);
  let secret = Buffer.concat([check, check, publicBlob, string(Buffer.concat([seed, pub])), string(comment)]);
  const padding = (8 - (secret.length % 8)) % 8;
  secret = Buffer.concat([secret, Buffer.from(Array.from({ length: padding }, (_, i) => i + 1))]);

  const container = Buffer.concat([
    Buffer.from("openssh-key-v1\0", "latin1"),
    string("none"), // cipher
    string("none"), // kdf
    string(""), // kdf options
    uint32(1), // one key
    string(publicBlob),
    string(secret),
  ]);
  const body = container.toString("base64").match(/.{1,70}/g)!.join("\n");
  return {
    privateKey: `-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----\n`,
    publicKey: `ssh-ed25519 ${publicBlob.toString("base64")} ${comment}`,
    fingerprint: `SHA256:${createHash("sha256").update(publicBlob).digest("base64").replace(/=+$/, "")}`,
  };
}
