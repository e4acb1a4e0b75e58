import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lte } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { sessions, users } from "@/lib/db/schema";
import type { Operator } from "./roles";

const DEFAULT_TTL_SECONDS = 12 * 60 * 60;

/** Session lifetime; SWITCHYARD_SESSION_TTL_SECONDS overrides the 12-hour default. */
export function sessionTtlSeconds(): number {
  const configured = Number(process.env.SWITCHYARD_SESSION_TTL_SECONDS);
  return Number.isFinite(configured) && configured > 0 ? Math.floor(configured) : DEFAULT_TTL_SECONDS;
}

// Only the hash is stored: a leaked database or backup holds no usable session.
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(userId: string): Promise<{ token: string; expiresAt: Date }> {
  const db = await getDb();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + sessionTtlSeconds() * 1000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, expiresAt });
  // Sweeping here keeps the table small without a scheduler.
  await db.delete(sessions).where(lte(sessions.expiresAt, new Date()));
  return { token, expiresAt };
}

/** The operator behind a live session token, or null. Role changes apply at once: the role is read on every request. */
export async function operatorForToken(token: string | undefined | null): Promise<Operator | null> {
  if (!token || token.length > 200) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, username: users.username, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return row ?? null;
}

export async function deleteSession(token: string): Promise<void> {
  const db = await getDb();
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}
