import "server-only";
import { openStream, type SshTarget } from "@/lib/ssh";
import type { StreamOpener } from "./stream-port";

/**
 * The watcher's stream port over lib/ssh. The target is resolved on every
 * attempt, so a host whose credentials or pinned key changed is picked up by
 * the next reconnect without restarting anything.
 */
export function sshStreamOpener(resolveTarget: (hostId: string) => Promise<SshTarget>): StreamOpener {
  return async (hostId, argv, onLine) => openStream(await resolveTarget(hostId), argv, { onLine });
}
