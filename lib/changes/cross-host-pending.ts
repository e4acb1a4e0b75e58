import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { findHostTarget } from "@/lib/hosts";
import { runCommand } from "@/lib/ssh";
import { ok } from "@/lib/actions/result";
import { within } from "./cross-host-read";
import { dropPending, listPending, type PendingRow } from "./cross-host-store";

// Parts of deleted segments left on hosts that were down at the time. Tried
// again whenever the cross-host list is read, and whenever a host answers a
// status check or a networks read (retryPendingRemovalsAfterAnswer, run after
// the response): a host that answers has each command run (each may fail: the
// part may be half gone, or gone with a reboot) and its row dropped; a host
// that still does not answer keeps it.

/** `onlyHost`: the one host (its id or name, as routes carry either) to try; every pending host when absent. */
export async function retryPendingRemovals(onlyHost?: string): Promise<{ cleaned: PendingRow[]; still: PendingRow[] }> {
  const rows = await listPending();
  const cleaned: PendingRow[] = [];
  const still: PendingRow[] = [];
  await Promise.all(
    rows.map(async (row) => {
      const found = await findHostTarget(row.hostId);
      if (onlyHost !== undefined && row.hostId !== onlyHost && (!found.ok || found.data.row.name !== onlyHost)) return still.push(row);
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

const slot = Symbol.for("switchyard.pendingRemovalRetries");
const running = ((globalThis as { [slot]?: Set<string> })[slot] ??= new Set<string>());

/** A host just answered: remove its pending parts, if any. One retry per host at a time; never throws. */
export async function retryPendingRemovalsAfterAnswer(host: string): Promise<void> {
  if (running.has(host)) return;
  running.add(host);
  try {
    await retryPendingRemovals(host);
  } catch (error) {
    console.error(`cross-host: retrying ${host}'s pending removals failed:`, error);
  } finally {
    running.delete(host);
  }
}
