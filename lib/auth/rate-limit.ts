import "server-only";
import { and, asc, eq, gt, lt } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { loginFailures } from "@/lib/db/schema";
import { addressKey, lockedUntil, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_USER, userKey, WINDOW_MS } from "./rate-limit-policy";

async function failuresSince(key: string, since: Date): Promise<Date[]> {
  const db = await getDb();
  const rows = await db.select({ at: loginFailures.at }).from(loginFailures).where(and(eq(loginFailures.key, key), gt(loginFailures.at, since))).orderBy(asc(loginFailures.at));
  return rows.map((r) => r.at);
}

/** The later of the two lock-outs, or null when this username from this address may try. */
export async function signInBlockedUntil(username: string, address: string): Promise<Date | null> {
  const since = new Date(Date.now() - WINDOW_MS);
  const byUser = lockedUntil(await failuresSince(userKey(username), since), MAX_FAILURES_PER_USER);
  const byAddress = lockedUntil(await failuresSince(addressKey(address), since), MAX_FAILURES_PER_ADDRESS);
  const until = [byUser, byAddress].filter((d): d is Date => d !== null && d.getTime() > Date.now());
  return until.length ? new Date(Math.max(...until.map((d) => d.getTime()))) : null;
}

export async function recordSignInFailure(username: string, address: string): Promise<void> {
  const db = await getDb();
  await db.insert(loginFailures).values([{ key: userKey(username) }, { key: addressKey(address) }]);
  await db.delete(loginFailures).where(lt(loginFailures.at, new Date(Date.now() - WINDOW_MS)));
}

/** A correct password clears the account's count; the address keeps its history. */
export async function clearUserFailures(username: string): Promise<void> {
  const db = await getDb();
  await db.delete(loginFailures).where(eq(loginFailures.key, userKey(username)));
}
