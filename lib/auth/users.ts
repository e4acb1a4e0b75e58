import "server-only";
import { and, asc, eq, ne } from "drizzle-orm";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type Db } from "@/lib/db/client";
import { sessions, users } from "@/lib/db/schema";
import { hashPassword } from "./password";
import type { Operator, Role } from "./roles";
import type { AddUserInput } from "./user-schemas";

export type UserSummary = { id: string; username: string; role: Role; createdAt: Date };

export async function listUsers(): Promise<UserSummary[]> {
  const db = await getDb();
  return db.select({ id: users.id, username: users.username, role: users.role, createdAt: users.createdAt }).from(users).orderBy(asc(users.username));
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Locks the admin rows so two concurrent demotions cannot both see "another admin left". */
async function otherAdminsExist(tx: Tx, userId: string): Promise<boolean> {
  const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, "admin"), ne(users.id, userId))).for("update");
  return rows.length > 0;
}

const LAST_ADMIN = "Switchyard needs at least one admin: make someone else an admin first.";

export async function addUser(actor: Operator, input: AddUserInput): Promise<ActionResult<{ id: string }>> {
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  const inserted = await db.insert(users).values({ username: input.username, passwordHash, role: input.role }).onConflictDoNothing().returning({ id: users.id });
  const row = inserted[0];
  if (!row) return fail("invalid", "That username is taken.", { username: "That username is taken" });
  await recordAudit({ actor, action: "user.add", target: input.username, commands: [], result: "ok", detail: `role ${input.role}` });
  return ok({ id: row.id });
}

export async function setUserRole(actor: Operator, userId: string, role: Role): Promise<ActionResult> {
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!user) return fail("not-found", "No such user.");
    if (user.role === "admin" && role !== "admin" && !(await otherAdminsExist(tx, userId))) return fail("last-admin", LAST_ADMIN);
    await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId));
    return ok({ username: user.username, from: user.role });
  });
  if (!outcome.ok) return outcome;
  await recordAudit({ actor, action: "user.set-role", target: outcome.data.username, commands: [], result: "ok", detail: `${outcome.data.from} → ${role}` });
  return ok(undefined);
}

/** Also signs the user out everywhere: a reset usually means the old password leaked. */
export async function resetUserPassword(actor: Operator, userId: string, password: string): Promise<ActionResult> {
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  const [user] = await db.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId)).returning({ username: users.username });
  if (!user) return fail("not-found", "No such user.");
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await recordAudit({ actor, action: "user.reset-password", target: user.username, commands: [], result: "ok" });
  return ok(undefined);
}

export async function removeUser(actor: Operator, userId: string): Promise<ActionResult> {
  if (actor.id === userId) return fail("forbidden", "You cannot remove yourself; ask another admin.");
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!user) return fail("not-found", "No such user.");
    if (user.role === "admin" && !(await otherAdminsExist(tx, userId))) return fail("last-admin", LAST_ADMIN);
    await tx.delete(users).where(eq(users.id, userId)); // sessions go with it (on delete cascade)
    return ok({ username: user.username });
  });
  if (!outcome.ok) return outcome;
  await recordAudit({ actor, action: "user.remove", target: outcome.data.username, commands: [], result: "ok" });
  return ok(undefined);
}
