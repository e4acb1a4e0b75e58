import "server-only";
import { randomUUID } from "node:crypto";
import type { PublicKeyOffer } from "@/lib/domain/host/status";
import { generateEd25519KeyPair } from "./keygen";

// "Generate key pair" keeps the private key here, in the server's memory, and
// gives the browser only the public line and a handle. The private key never
// travels to the browser and back; adding the host takes it from here and
// stores it sealed. Unused pairs expire.

const TTL_MS = 60 * 60 * 1000;
type Pending = { privateKey: string; ownerId: string; expiresAt: number };

// On globalThis so that every bundle of the server (actions, routes) sees one map.
const slot = Symbol.for("switchyard.generatedKeys");
const holder = globalThis as { [slot]?: Map<string, Pending> };
const pending = (holder[slot] ??= new Map());

function sweep(now = Date.now()) {
  for (const [id, entry] of pending) if (entry.expiresAt <= now) pending.delete(id);
}


export function createGeneratedKey(ownerId: string): PublicKeyOffer {
  sweep();
  const pair = generateEd25519KeyPair(`switchyard-${new Date().toISOString().slice(0, 10)}`);
  const keyPairId = randomUUID();
  pending.set(keyPairId, { privateKey: pair.privateKey, ownerId, expiresAt: Date.now() + TTL_MS });
  return { keyPairId, publicKey: pair.publicKey, fingerprint: pair.fingerprint };
}

/** The private key behind a handle, for the admin who generated it; null once expired. */
export function readGeneratedKey(ownerId: string, keyPairId: string): string | null {
  sweep();
  const entry = pending.get(keyPairId);
  return entry && entry.ownerId === ownerId ? entry.privateKey : null;
}

/** Forget a pair once its host is stored (the sealed copy is the only one left). */
export function dropGeneratedKey(keyPairId: string): void {
  pending.delete(keyPairId);
}
