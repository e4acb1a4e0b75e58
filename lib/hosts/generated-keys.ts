import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, gt, lte, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { generatedKeys } from "@/lib/db/schema";
import type { PublicKeyOffer } from "@/lib/domain/host/status";
import { openSecret, sealSecret } from "@/lib/secrets/seal";
import { generateEd25519KeyPair } from "./keygen";

// "Generate key pair" keeps the private key in the store, sealed, and gives the
// browser only the public line and a handle. The private key never travels to
// the browser and back; adding the host reads it here (through whichever server
// the add lands on) and stores it sealed with the host. Unused pairs expire.

export const GENERATED_KEY_TTL_MS = 60 * 60 * 1000;

// The AAD binds the ciphertext to its row and to this purpose, so it cannot be
// passed off as a host's key or moved to another row.
const PURPOSE = "generatedPrivateKey";

// Handles come from the browser; anything but a UUID is simply not a pair (and never reaches the uuid column).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The store's clock unless a test pins one: every server then agrees on expiry. */
const clock = (now: number | undefined): SQL => (now === undefined ? sql`now()` : sql`${new Date(now).toISOString()}::timestamptz`);

export async function createGeneratedKey(ownerId: string, now?: number): Promise<PublicKeyOffer> {
  const pair = generateEd25519KeyPair(`switchyard-${new Date().toISOString().slice(0, 10)}`);
  const keyPairId = randomUUID();
  const at = clock(now);
  const db = await getDb();
  // Expired pairs nobody used go here, whoever made them.
  await db.delete(generatedKeys).where(lte(generatedKeys.expiresAt, at));
  await db.insert(generatedKeys).values({
    id: keyPairId, ownerId, sealedPrivateKey: sealSecret(keyPairId, PURPOSE, pair.privateKey),
    createdAt: at, expiresAt: sql`${at} + make_interval(secs => ${GENERATED_KEY_TTL_MS / 1000})`,
  });
  return { keyPairId, publicKey: pair.publicKey, fingerprint: pair.fingerprint };
}

/**
 * The private key behind a handle, for the admin who generated it; null when
 * unknown, someone else's, or expired. Throws SecretError if the store's copy
 * cannot be decrypted (e.g. this server has a different secret key).
 */
export async function readGeneratedKey(ownerId: string, keyPairId: string, now?: number): Promise<string | null> {
  if (!UUID.test(keyPairId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ sealed: generatedKeys.sealedPrivateKey })
    .from(generatedKeys)
    .where(and(eq(generatedKeys.id, keyPairId), eq(generatedKeys.ownerId, ownerId), gt(generatedKeys.expiresAt, clock(now))));
  return row ? openSecret(keyPairId, PURPOSE, row.sealed, "the generated key pair") : null;
}

/** Forget a pair once its host is stored (the host's sealed copy is the only one left). */
export async function dropGeneratedKey(ownerId: string, keyPairId: string): Promise<void> {
  if (!UUID.test(keyPairId)) return;
  const db = await getDb();
  await db.delete(generatedKeys).where(and(eq(generatedKeys.id, keyPairId), eq(generatedKeys.ownerId, ownerId)));
}
