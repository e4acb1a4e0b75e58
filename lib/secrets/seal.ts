import "server-only";
import { open, seal } from "./aead";
import { loadKey } from "./key";
import { SecretError } from "./errors";

export type SecretField = "privateKey" | "password";

/** Encrypts a secret for one row and field; creates the key file on first use if no key is configured. */
export function sealSecret(rowId: string, field: SecretField | string, plaintext: string): string {
  return seal(loadKey({ create: true }), rowId, field, plaintext);
}

/**
 * Decrypts a sealed secret. Throws SecretError whose message names `owner`
 * (e.g. `host "hv-a"`) and the field, never the secret.
 */
export function openSecret(rowId: string, field: SecretField | string, sealed: string, owner = `row ${rowId}`): string {
  try {
    return open(loadKey({ create: false }), rowId, field, sealed);
  } catch (err) {
    if (err instanceof SecretError) {
      throw new SecretError(err.kind, `Cannot decrypt the ${field} of ${owner}: ${err.message}.`);
    }
    throw err;
  }
}
