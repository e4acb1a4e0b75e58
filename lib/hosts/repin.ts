import "server-only";
import { eq } from "drizzle-orm";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import type { Operator } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { hosts } from "@/lib/db/schema";
import { closeHost, fetchHostKey, isSshError, sameFingerprint } from "@/lib/ssh";
import { findHostRow } from "./records";

/**
 * Trusts the key a host offers now, in place of the pinned one. The admin
 * passes the fingerprint they were shown; if the host offers anything else by
 * the time we look again, nothing is changed.
 */
export async function repinHostKey(operator: Operator, hostId: string, fingerprint: string): Promise<ActionResult<{ fingerprint: string }>> {
  const row = await findHostRow(hostId);
  if (!row || row.id !== hostId) return fail("host-not-found", "That host no longer exists.");
  const audit = { actor: operator, hostId, hostName: row.name, action: "host.repin", target: row.name, commands: [] };
  let offered;
  try {
    offered = await fetchHostKey(row.address, row.port);
  } catch (error) {
    if (!isSshError(error)) throw error;
    await recordAudit({ ...audit, result: "failed", detail: error.message });
    return fail(error.kind, error.message);
  }
  if (!sameFingerprint(offered.fingerprint, fingerprint)) {
    const message = `${row.name} now offers ${offered.fingerprint}, not the key you confirmed (${fingerprint}). Nothing was changed; check the host again.`;
    await recordAudit({ ...audit, result: "failed", detail: message });
    return fail("host-key-mismatch", message);
  }
  const db = await getDb();
  await db.update(hosts).set({ hostKeyType: offered.keyType, hostKeyFingerprint: offered.fingerprint, updatedAt: new Date() }).where(eq(hosts.id, hostId));
  closeHost(hostId); // the next command logs in afresh against the new pin
  await recordAudit({ ...audit, result: "ok", detail: `${row.hostKeyFingerprint ?? "(none)"} → ${offered.keyType} ${offered.fingerprint}` });
  return ok({ fingerprint: offered.fingerprint });
}
