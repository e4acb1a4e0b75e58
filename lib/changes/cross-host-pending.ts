import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { findHostTarget } from "@/lib/hosts";
import { runCommand } from "@/lib/ssh";
import { ok } from "@/lib/actions/result";
import { within } from "./cross-host-read";
import { dropPending, listPending, type PendingRow } from "./cross-host-store";

// Parts of deleted segments left on hosts that were down at the time. Tried
// again whenever the cross-host list is read: a host that answers has each
// command run (each may fail: the part may be half gone, or gone with a
// reboot) and its row dropped; a host that still does not answer keeps it.

export async function retryPendingRemovals(): Promise<{ cleaned: PendingRow[]; still: PendingRow[] }> {
  const rows = await listPending();
  const cleaned: PendingRow[] = [];
  const still: PendingRow[] = [];
  await Promise.all(
    rows.map(async (row) => {
      const found = await findHostTarget(row.hostId);
      if (!found.ok) return still.push(row);
      try {
        // Bounded: the page that retries this must not wait out a dead host's connect timeout.
        const answered = await within(runCommand(found.data.target, ["true"], { timeoutMs: 3_000 }).then(() => ok(true)), 3_000, "The host");
        if (!answered.ok) return still.push(row);
      } catch {
        return still.push(row);
      }
      for (const argv of row.commands) await runCommand(found.data.target, argv, { allowFailure: true }).catch(() => {});
      await dropPending(row.id);
      cleaned.push(row);
      await recordAudit({ actor: "system", hostId: row.hostId, hostName: found.data.row.name, action: "cross-host.pending-removal", target: row.segmentName, commands: row.commands, result: "ok", detail: "The host answered again; its part of the deleted segment was removed." }).catch(() => {});
    }),
  );
  return { cleaned, still };
}
