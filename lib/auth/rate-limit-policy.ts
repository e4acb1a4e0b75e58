// Pure: how many failed sign-ins are tolerated, and for how long a key stays locked.

export const WINDOW_MS = 15 * 60 * 1000;
/** Per username: stops guessing one account's password. */
export const MAX_FAILURES_PER_USER = 5;
/** Per address: stops spraying many accounts from one place, with room for a shared NAT. */
export const MAX_FAILURES_PER_ADDRESS = 30;

export const userKey = (username: string) => `user:${username.trim().toLowerCase()}`;
export const addressKey = (address: string) => `addr:${address}`;

/**
 * Given the failure times inside the window (oldest first), when the key may try
 * again, or null if it may try now.
 */
export function lockedUntil(failures: Date[], max: number): Date | null {
  if (failures.length < max) return null;
  const oldestThatCounts = failures[failures.length - max]!;
  return new Date(oldestThatCounts.getTime() + WINDOW_MS);
}
