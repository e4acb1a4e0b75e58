import type { ChangeReason } from "./types";

// One refetch per burst. A single virsh operation often fires several events
// (define + start, a guest starting on a network), and every event means the
// same thing ("read this host again"), so a burst becomes one notification:
// trailing `quietMs` after the last event, but never later than `maxWaitMs`
// after the first, so a steady trickle of events cannot starve the client.

const precedence: Record<ChangeReason, number> = { domain: 0, network: 1, resync: 2 };

export interface Coalescer {
  push(reason: ChangeReason): void;
  cancel(): void;
}

export function coalesce(
  flush: (reason: ChangeReason) => void,
  { quietMs = 120, maxWaitMs = 400 }: { quietMs?: number; maxWaitMs?: number } = {},
): Coalescer {
  let pending: ChangeReason | null = null;
  let firstAt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const fire = () => {
    timer = null;
    const reason = pending;
    pending = null;
    if (reason) flush(reason);
  };

  return {
    push(reason) {
      const now = Date.now();
      if (pending === null) firstAt = now;
      // The strongest reason wins: a resync covers everything else in the burst.
      if (pending === null || precedence[reason] > precedence[pending]) pending = reason;
      if (timer) clearTimeout(timer);
      timer = setTimeout(fire, Math.max(0, Math.min(quietMs, firstAt + maxWaitMs - now)));
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
