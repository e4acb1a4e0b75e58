import "server-only";
import { eq } from "drizzle-orm";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import type { Operator } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { hosts } from "@/lib/db/schema";
import type { EditHost } from "@/lib/domain/host/schema";
import { sealHostCredentials } from "@/lib/secrets/host-secrets";
import { closeHost, sameFingerprint } from "@/lib/ssh";
import { dropGeneratedKey } from "./generated-keys";
import { findHostRow, isNameTaken } from "./records";
import { describeVersions, verifyHost } from "./verify";

/**
 * Replaces a host's address, login and credentials (re-entered: stored secrets
 * are never shown back), after the same trust step and checks as adding.
 */
export async function editHost(operator: Operator, { hostId, form, keyType, fingerprint }: EditHost): Promise<ActionResult<{ id: string; name: string }>> {
  const row = await findHostRow(hostId);
  if (!row || row.id !== hostId) return fail("host-not-found", "That host no longer exists.");
  if (await isNameTaken(form.name, hostId)) return fail("invalid", `A host named "${form.name}" already exists.`, { name: `A host named "${form.name}" already exists.` });
  const { outcome, commands } = await verifyHost(operator, form, fingerprint);
  const repinned = !row.hostKeyFingerprint || !sameFingerprint(row.hostKeyFingerprint, fingerprint);
  const audit = { actor: operator, hostId, hostName: row.name, action: "host.edit", target: row.name, commands };
  if (!outcome.ok) {
    await recordAudit({ ...audit, result: "failed", detail: outcome.message });
    return outcome;
  }
  const { auth, versions } = outcome.data;
  const db = await getDb();
  await db
    .update(hosts)
    .set({
      name: form.name, address: form.address, port: form.port, username: form.username, authKind: form.authKind,
      ...sealHostCredentials(hostId, auth.kind === "key" ? { privateKey: auth.privateKey } : { password: auth.password }),
      hostKeyType: keyType, hostKeyFingerprint: fingerprint, updatedAt: new Date(), lastSeenAt: new Date(), lastStatus: "connected",
    })
    .where(eq(hosts.id, hostId));
  closeHost(hostId); // the pooled connection used the old login
  if (form.generatedKeyId) await dropGeneratedKey(operator.id, form.generatedKeyId);
  const pinNote = repinned ? `re-pinned ${row.hostKeyFingerprint ?? "(none)"} → ${fingerprint}` : `key ${fingerprint} unchanged`;
  const renamed = row.name !== form.name ? `renamed to ${form.name}; ` : "";
  await recordAudit({ ...audit, result: "ok", detail: `${renamed}${form.username}@${form.address}:${form.port} by ${form.authKind}; ${pinNote}; ${describeVersions(versions)}` });
  return ok({ id: hostId, name: form.name });
}
