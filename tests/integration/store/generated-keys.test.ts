import { eq, sql } from "drizzle-orm";
import { utils } from "ssh2";
import { expect, it } from "vitest";
import { closeDb, getDb, openStore } from "@/lib/db/client";
import { storeTarget } from "@/lib/db/config";
import { generatedKeys } from "@/lib/db/schema";
import { createGeneratedKey, dropGeneratedKey, GENERATED_KEY_TTL_MS, readGeneratedKey } from "@/lib/hosts/generated-keys";
import { openSecret } from "@/lib/secrets";
import { describeEachBackend } from "./backends";

const rowsOf = (result: unknown) => ((result as { rows?: unknown[] }).rows ?? result) as Record<string, unknown>[];

/** The public line the private key belongs to, as ssh2 (the client that will log in with it) parses it. */
function publicLineOf(privateKey: string): string {
  const parsed = utils.parseKey(privateKey);
  if (parsed instanceof Error) throw parsed;
  const key = Array.isArray(parsed) ? parsed[0]! : parsed;
  return `${key.type} ${key.getPublicSSH().toString("base64")}`;
}
const withoutComment = (line: string) => line.split(" ").slice(0, 2).join(" ");

describeEachBackend("generated key pairs in the store", (backend) => {
  it("is read through a second store client (another server) as the private key of the offered public key", async () => {
    const offer = await createGeneratedKey("alice");
    if (backend().name === "postgres") {
      // A second pool on the same PostgreSQL while the first is still open: what another server sees.
      const other = await openStore(storeTarget());
      try {
        const [row] = await other.db.select().from(generatedKeys).where(eq(generatedKeys.id, offer.keyPairId));
        expect(row?.ownerId).toBe("alice");
        expect(publicLineOf(openSecret(offer.keyPairId, "generatedPrivateKey", row!.sealedPrivateKey))).toBe(withoutComment(offer.publicKey));
      } finally {
        await other.close();
      }
    }
    await closeDb(); // the client that made it is gone; the next read opens a fresh one
    const privateKey = await readGeneratedKey("alice", offer.keyPairId);
    expect(privateKey).toContain("BEGIN OPENSSH PRIVATE KEY");
    expect(publicLineOf(privateKey!)).toBe(withoutComment(offer.publicKey));
  });

  it("is not readable by another owner, nor by a handle that is not a uuid", async () => {
    const offer = await createGeneratedKey("alice");
    expect(await readGeneratedKey("mallory", offer.keyPairId)).toBeNull();
    expect(await readGeneratedKey("alice", "../1; drop table generated_keys")).toBeNull();
    await dropGeneratedKey("mallory", offer.keyPairId); // someone else's drop leaves it alone
    expect(await readGeneratedKey("alice", offer.keyPairId)).not.toBeNull();
  });

  it("is gone once dropped", async () => {
    const offer = await createGeneratedKey("alice");
    await dropGeneratedKey("alice", offer.keyPairId);
    expect(await readGeneratedKey("alice", offer.keyPairId)).toBeNull();
    const db = await getDb();
    expect(await db.select().from(generatedKeys).where(eq(generatedKeys.id, offer.keyPairId))).toEqual([]);
  });

  it("expires after an hour on the store's clock, and the next create sweeps it out", async () => {
    const now = Date.now();
    const offer = await createGeneratedKey("alice", now);
    expect(await readGeneratedKey("alice", offer.keyPairId, now + GENERATED_KEY_TTL_MS - 60_000)).not.toBeNull();
    expect(await readGeneratedKey("alice", offer.keyPairId, now + GENERATED_KEY_TTL_MS + 1)).toBeNull();
    await createGeneratedKey("bob", now + GENERATED_KEY_TTL_MS + 1);
    const db = await getDb();
    expect(await db.select().from(generatedKeys).where(eq(generatedKeys.id, offer.keyPairId))).toEqual([]);
  });

  it("stores the private key sealed, bound to its row and purpose", async () => {
    const offer = await createGeneratedKey("alice");
    const plain = (await readGeneratedKey("alice", offer.keyPairId))!;
    const db = await getDb();
    const [row] = rowsOf(await db.execute(sql`select id, sealed_private_key from generated_keys where id = ${offer.keyPairId}`));
    const stored = String(row!.sealed_private_key);
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain("OPENSSH");
    // The base64 body of the key file, line by line: none of it is in the column.
    for (const line of plain.split("\n").filter((l) => l.length >= 16 && !l.startsWith("-----"))) expect(stored).not.toContain(line);
    // Opened as a host's private key, or as another row's, the ciphertext fails.
    expect(() => openSecret(offer.keyPairId, "privateKey", stored)).toThrow(/Cannot decrypt/);
    expect(() => openSecret(crypto.randomUUID(), "generatedPrivateKey", stored)).toThrow(/Cannot decrypt/);
  });
});
