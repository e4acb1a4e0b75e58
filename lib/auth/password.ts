import "server-only";
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";

// scrypt from node:crypto: no native dependency. OWASP's current guidance for
// scrypt is N=2^17, r=8, p=1 (128 MiB and roughly a tenth of a second per
// hash). Parameters are stored with each hash, so they can be raised later:
// a hash made with weaker ones is verified with those and replaced at the next
// successful sign-in (needsRehash).
const N = 2 ** 17, R = 8, P = 1, KEY_LEN = 64, SALT_BYTES = 16;
/** Refuse stored parameters that would take the server's memory or time hostage. */
const MAX_N = 2 ** 20, MAX_R = 32, MAX_P = 4;

function scrypt(password: string, salt: Buffer, keyLen: number, opts: ScryptOptions & { N: number; r: number; p: number }): Promise<Buffer> {
  // Node refuses more than 32 MiB by default; scrypt needs 128·N·r bytes (plus a little).
  const maxmem = 128 * opts.N * opts.r * opts.p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize("NFC"), salt, keyLen, { ...opts, maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await scrypt(password, salt, KEY_LEN, { N, r: R, p: P });
  return ["scrypt", N, R, P, salt.toString("base64"), hash.toString("base64")].join("$");
}

type Stored = { n: number; r: number; p: number; salt: Buffer; hash: Buffer };

function parseStored(stored: string): Stored | null {
  const [scheme, n, r, p, saltText, hashText] = stored.split("$");
  if (scheme !== "scrypt" || !saltText || !hashText) return null;
  const params = { n: Number(n), r: Number(r), p: Number(p) };
  const sane = Number.isInteger(params.n) && params.n > 1 && (params.n & (params.n - 1)) === 0 && params.n <= MAX_N
    && Number.isInteger(params.r) && params.r >= 1 && params.r <= MAX_R && Number.isInteger(params.p) && params.p >= 1 && params.p <= MAX_P;
  return sane ? { ...params, salt: Buffer.from(saltText, "base64"), hash: Buffer.from(hashText, "base64") } : null;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const s = parseStored(stored);
  if (!s || s.hash.length === 0) return false;
  const actual = await scrypt(password, s.salt, s.hash.length, { N: s.n, r: s.r, p: s.p });
  return actual.length === s.hash.length && timingSafeEqual(actual, s.hash);
}

/** True when a stored hash was made with other parameters than today's (upgrade it after a correct password). */
export function needsRehash(stored: string): boolean {
  const s = parseStored(stored);
  return !s || s.n !== N || s.r !== R || s.p !== P || s.hash.length !== KEY_LEN;
}

// Checked against when the username does not exist, so that an unknown user
// costs the same time as a wrong password and timing does not reveal which it was.
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hashPassword(randomBytes(16).toString("hex")));
