import "server-only";
import { and, eq } from "drizzle-orm";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { ensureFirstAdmin } from "./first-admin";
import { decoyHash, hashPassword, needsRehash, verifyPassword } from "./password";
import { signInSucceeded, sweepSignInAttempts, takeSignInAttempt } from "./rate-limit";
import { createSession } from "./sessions";
import type { SignInInput } from "./user-schemas";

/** One message for an unknown user and a wrong password, so neither is revealed. */
export const BAD_CREDENTIALS = "Wrong username or password.";
export const RATE_LIMITED = "Too many failed sign-ins. Wait a few minutes and try again.";

/**
 * Checks the credentials and opens a session. The attempt is counted (per
 * username and per address, lib/auth/rate-limit.ts) before the password is
 * looked at, so parallel guesses get no more tries than sequential ones.
 * Sign-ins and failed attempts go to the audit log with the address; attempts
 * refused by the limit do not (a flood must not fill the log).
 */
export async function signIn(input: SignInInput, address: string): Promise<ActionResult<{ token: string; expiresAt: Date }>> {
  await ensureFirstAdmin();
  const username = input.username.trim();
  if (!(await takeSignInAttempt(username, address))) return fail("rate-limited", RATE_LIMITED);
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !valid) {
    await recordAudit({ actor: "anonymous", action: "session.sign-in", target: username, commands: [], result: "failed", detail: `wrong username or password, from ${address}` });
    await sweepSignInAttempts();
    return fail("invalid-credentials", BAD_CREDENTIALS);
  }
  await signInSucceeded(username, address);
  if (needsRehash(user.passwordHash)) {
    // Only the row still holding the hash just verified: a concurrent password reset wins.
    await db.update(users).set({ passwordHash: await hashPassword(input.password) }).where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)));
  }
  const session = await createSession(user.id);
  await recordAudit({ actor: { id: user.id, username: user.username }, action: "session.sign-in", target: user.username, commands: [], result: "ok", detail: `from ${address}` });
  return ok(session);
}
