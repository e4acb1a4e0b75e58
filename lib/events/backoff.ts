// Delay before the next attempt to re-open a host's event stream. The first
// retry after a session that was working is quick (an sshd restart or a
// libvirtd restart usually heals within a second); repeated failures back off
// exponentially, with jitter so a fleet of watchers does not retry in lockstep.

export interface BackoffPolicy {
  firstMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { firstMs: 250, maxMs: 15_000 };

/** `failures` counts attempts since the stream was last live (0 = it just dropped). */
export function retryDelayMs(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random = Math.random): number {
  const exponential = Math.min(policy.maxMs, policy.firstMs * 2 ** Math.min(failures, 16));
  // ±20 % jitter, never below the first delay.
  return Math.max(policy.firstMs, Math.round(exponential * (0.8 + 0.4 * random())));
}
