import "server-only";
import { eq } from "drizzle-orm";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import type { Operator } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { hosts } from "@/lib/db/schema";
import { closeHost } from "@/lib/ssh";

/** Forgets a host and its sealed credentials. Nothing runs on the host itself. */
export async function removeHost(operator: Operator, hostId: string): Promise<ActionResult<{ name: string }>> {
  const db = await getDb();
  const [row] = await db.delete(hosts).where(eq(hosts.id, hostId)).returning({ name: hosts.name });
  if (!row) return fail("host-not-found", "That host no longer exists.");
  closeHost(hostId);
  await recordAudit({ actor: operator, hostId, hostName: row.name, action: "host.remove", target: row.name, commands: [], result: "ok" });
  return ok({ name: row.name });
}
