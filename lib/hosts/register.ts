import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { hosts } from "@/lib/db/schema";
import type { SshAuth } from "@/lib/ssh";
import { sealHostCredentials } from "@/lib/secrets/host-secrets";

export type KnownHost = {
  name: string;
  address: string;
  port: number;
  username: string;
  auth: SshAuth;
  /** From a trusted source (the lab's hosts.json); null leaves the key to be trusted in the UI. */
  hostKey: { keyType: string; fingerprint: string } | null;
};

/**
 * Stores a host whose key is already known out of band, without the
 * interactive trust step (for `npm run demo`). Idempotent: an existing name is
 * left as it is. Returns whether a row was added.
 */
export async function registerKnownHost(actor: string, host: KnownHost): Promise<boolean> {
  const id = randomUUID();
  const secret = host.auth.kind === "key" ? { privateKey: host.auth.privateKey } : { password: host.auth.password };
  const db = await getDb();
  const inserted = await db
    .insert(hosts)
    .values({
      id, name: host.name, address: host.address, port: host.port, username: host.username, authKind: host.auth.kind,
      ...sealHostCredentials(id, secret), hostKeyType: host.hostKey?.keyType ?? null, hostKeyFingerprint: host.hostKey?.fingerprint ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: hosts.id });
  if (inserted.length === 0) return false;
  const pin = host.hostKey ? `pinned ${host.hostKey.fingerprint} from a trusted list` : "no key pinned";
  await recordAudit({ actor, hostId: id, hostName: host.name, action: "host.add", target: host.name, commands: [], result: "ok", detail: pin });
  return true;
}
