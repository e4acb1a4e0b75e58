import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/db/config";
import { SecretError } from "./errors";

const KEY_BYTES = 32;
export const keyFilePath = () => path.join(dataDir(), "secret.key");

function decodeKey(text: string, source: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== KEY_BYTES) {
    throw new SecretError("bad-key", `${source} must hold ${KEY_BYTES} bytes, base64-encoded (it decodes to ${key.length})`);
  }
  return key;
}

function readKeyFile(file: string): Buffer | undefined {
  try {
    return decodeKey(readFileSync(file, "utf8"), `the key file ${file}`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

/**
 * The environment key wins; otherwise the data directory's key file.
 * Only writers create the file: a reader that found none must report a
 * missing key, not invent a new one that can never open the old secrets.
 */
export function loadKey({ create }: { create: boolean }): Buffer {
  const fromEnv = process.env.SWITCHYARD_SECRET_KEY;
  if (fromEnv !== undefined && fromEnv.trim() !== "") return decodeKey(fromEnv, "SWITCHYARD_SECRET_KEY");
  const file = keyFilePath();
  const existing = readKeyFile(file);
  if (existing) return existing;
  if (!create) {
    throw new SecretError("missing-key", `no key: SWITCHYARD_SECRET_KEY is not set and ${file} does not exist`);
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(KEY_BYTES).toString("base64") + "\n", { flag: "wx", mode: 0o600 });
  } catch (err) {
    // Another writer won the race; use its key.
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  if ((statSync(file).mode & 0o077) !== 0) throw new SecretError("bad-key", `${file} must be readable by its owner only (mode 0600)`);
  return readKeyFile(file)!;
}
