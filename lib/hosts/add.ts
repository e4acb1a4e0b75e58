import "server-only";
import { randomUUID } from "node:crypto";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import type { Operator } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { hosts } from "@/lib/db/schema";
import type { TrustedHost } from "@/lib/domain/host/schema";
import { sealHostCredentials } from "@/lib/secrets/host-secrets";
import { dropGeneratedKey } from "./generated-keys";
import { isNameTaken } from "./records";
import { describeVersions, verifyHost } from "./verify";

const nameTaken = (name: string) => fail("invalid", `A host named "${name}" already exists.`, { name: `A host named "${name}" already exists.` });

/**
 * Stores a host, after the operator trusted its key and the onboarding checks
 * passed over a connection made with that key. Nothing is stored otherwise.
 */
export async function addHost(operator: Operator, { form, keyType, fingerprint }: TrustedHost): Promise<ActionResult<{ id: string; name: string }>> {
  if (await isNameTaken(form.name)) return nameTaken(form.name);
  const { outcome, commands } = await verifyHost(operator, form, fingerprint);
  const audit = { actor: operator, hostName: form.name, action: "host.add", target: form.name, commands };
  if (!outcome.ok) {
    await recordAudit({ ...audit, result: "failed", detail: outcome.message });
    return outcome;
  }
  const id = randomUUID();
  const { auth, versions } = outcome.data;
  const secrets = sealHostCredentials(id, auth.kind === "key" ? { privateKey: auth.privateKey } : { password: auth.password });
  const db = await getDb();
  const inserted = await db
    .insert(hosts)
    .values({
      id, name: form.name, address: form.address, port: form.port, username: form.username, authKind: form.authKind,
      ...secrets, hostKeyType: keyType, hostKeyFingerprint: fingerprint, lastSeenAt: new Date(), lastStatus: "connected",
    })
    .onConflictDoNothing()
    .returning({ id: hosts.id });
  if (inserted.length === 0) return nameTaken(form.name);
  if (form.generatedKeyId) await dropGeneratedKey(operator.id, form.generatedKeyId);
  await recordAudit({ ...audit, hostId: id, result: "ok", detail: `pinned ${keyType} ${fingerprint}; ${describeVersions(versions)}` });
  return ok({ id, name: form.name });
}
