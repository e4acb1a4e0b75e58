import "server-only";
import { eq, lt, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { signInThrottle as t } from "@/lib/db/schema";
import { addressKey, BASE_DELAY_SECONDS, FORGET_AFTER_SECONDS, MAX_DELAY_SECONDS, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_USER, userKey } from "./rate-limit-policy";

// The store is the counter: one upsert per key both decides and counts, under
// PostgreSQL's row lock, so N parallel attempts (in one process or several on
// one database) get exactly as many yeses as the policy allows. The clock is
// the database's, so processes with drifting clocks agree too.

/** Counts one attempt for `key` if the policy lets it try now; false when it must wait. */
async function takeAttempt(key: string, max: number): Promise<boolean> {
  const db = await getDb();
  const forgotten = sql`${t.lastAt} < now() - make_interval(secs => ${FORGET_AFTER_SECONDS})`;
  // delaySeconds() of rate-limit-policy.ts, in SQL.
  const waited = sql`${t.lastAt} + make_interval(secs => least(${BASE_DELAY_SECONDS} * power(2, ${t.attempts} - ${max}), ${MAX_DELAY_SECONDS})) <= now()`;
  const rows = await db
    .insert(t)
    .values({ key, attempts: 1 })
    .onConflictDoUpdate({
      target: t.key,
      set: { attempts: sql`case when ${forgotten} then 1 else ${t.attempts} + 1 end`, lastAt: sql`now()` },
      setWhere: sql`${t.attempts} < ${max} or ${forgotten} or ${waited}`,
    })
    .returning({ attempts: t.attempts });
  return rows.length > 0;
}

/**
 * Counts this attempt against the address and then the username, before any
 * password is checked. False when either must wait (the attempt is then not
 * checked at all).
 */
export async function takeSignInAttempt(username: string, address: string): Promise<boolean> {
  if (!(await takeAttempt(addressKey(address), MAX_FAILURES_PER_ADDRESS))) return false;
  return takeAttempt(userKey(username), MAX_FAILURES_PER_USER);
}

/** A correct password clears the account's count and gives the address its attempt back. */
export async function signInSucceeded(username: string, address: string): Promise<void> {
  const db = await getDb();
  await db.delete(t).where(eq(t.key, userKey(username)));
  await db.update(t).set({ attempts: sql`greatest(${t.attempts} - 1, 0)` }).where(eq(t.key, addressKey(address)));
}

/** Keys nobody has tried for an hour count from zero anyway; dropping them keeps the table small. */
export async function sweepSignInAttempts(): Promise<void> {
  const db = await getDb();
  await db.delete(t).where(lt(t.lastAt, sql`now() - make_interval(secs => ${FORGET_AFTER_SECONDS})`));
}
