import "server-only";
import { forgetSnapshotHint } from "@/lib/libvirt/host-snapshot";
import type { SshTarget } from "@/lib/ssh";
import type { BackoffPolicy } from "./backoff";
import { HostWatcher } from "./host-watcher";
import { EventHub } from "./hub";
import { sshStreamOpener } from "./transport-stream";

export interface LiveEventsOptions {
  resolveTarget: (hostId: string) => Promise<SshTarget>;
  /** How long a host's subscription outlives its last listener. */
  lingerMs?: number;
  quietMs?: number;
  maxWaitMs?: number;
  backoff?: BackoffPolicy;
  owner?: string;
}

/** A hub whose watchers run the event script on each host over SSH. */
export function createLiveEvents({ resolveTarget, lingerMs, ...watcherOptions }: LiveEventsOptions): EventHub {
  const open = sshStreamOpener(resolveTarget);
  return new EventHub(
    (hostId, events) =>
      new HostWatcher(
        hostId,
        {
          change: (reason) => {
            // The UUID lists may have changed (a resync may have absorbed events),
            // so the next read lists before it dumps (see host-snapshot.ts).
            forgetSnapshotHint(hostId);
            events.change({ hostId, reason });
          },
          status: events.status,
        },
        { open, ...watcherOptions },
      ),
    lingerMs,
  );
}
