// Pure: how many sign-in attempts are free, and how long each later one waits.
//
// Attempts are counted before the password is checked, so parallel guesses
// cannot all slip in while the first ones are being verified. Past the free
// attempts a key waits a delay that doubles with every further attempt, up to
// a cap, instead of a lock that holds until someone clears it: whoever guesses
// gets a handful of tries an hour, and the account's owner gets in once the
// guessing stops (at most MAX_DELAY_SECONDS later), without an admin.

/** Per username: stops guessing one account's password. */
export const MAX_FAILURES_PER_USER = 5;
/** Per address: stops spraying many accounts from one place, with room for a shared NAT. */
export const MAX_FAILURES_PER_ADDRESS = 30;
/** The first wait past the free attempts; each further attempt doubles it. */
export const BASE_DELAY_SECONDS = 60;
export const MAX_DELAY_SECONDS = 15 * 60;
/** A key left alone this long starts again from zero. */
export const FORGET_AFTER_SECONDS = 60 * 60;

export const userKey = (username: string) => `user:${username.trim().toLowerCase()}`;
export const addressKey = (address: string) => `addr:${address}`;

/** How long after its last attempt a key that has made `attempts` may try again (0: now). */
export function delaySeconds(attempts: number, max: number): number {
  if (attempts < max) return 0;
  return Math.min(BASE_DELAY_SECONDS * 2 ** (attempts - max), MAX_DELAY_SECONDS);
}
