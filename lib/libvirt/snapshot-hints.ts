import "server-only";
import type { SnapshotHint } from "@/lib/domain/host/snapshot-commands";

// The UUIDs each host's last read listed, kept per SSH target (host id) for as
// long as the server runs, like its connections. A hint only decides how the
// next read is done (warm or cold), never what it returns.

const hints = new Map<string, SnapshotHint>();
/** Registered hosts are few; the bound only keeps short-lived targets from piling up. */
const MAX_HINTS = 1000;

export function hintFor(targetId: string): SnapshotHint | undefined {
  return hints.get(targetId);
}

export function rememberHint(targetId: string, listed: SnapshotHint): void {
  hints.delete(targetId); // re-inserted last: the map's order is least recently read first
  hints.set(targetId, listed);
  if (hints.size > MAX_HINTS) hints.delete(hints.keys().next().value!);
}

export function forgetHint(targetId: string): void {
  hints.delete(targetId);
}
