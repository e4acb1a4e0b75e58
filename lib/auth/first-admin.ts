import "server-only";
import { randomBytes } from "node:crypto";
import { count } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { hashPassword } from "./password";
import { newPasswordSchema } from "./user-schemas";

/** SWITCHYARD_ADMIN_PASSWORD must meet the same rule as any new password; null when it does (or is unset). */
export function adminPasswordProblem(): string | null {
  const given = process.env.SWITCHYARD_ADMIN_PASSWORD;
  if (!given) return null;
  const checked = newPasswordSchema.safeParse(given);
  const rule = (checked.error?.issues[0]?.message ?? "invalid").toLowerCase();
  return checked.success ? null : `SWITCHYARD_ADMIN_PASSWORD is refused (${rule}; it has ${given.length}): set a longer one, or unset it to have one generated.`;
}

/**
 * Creates the first admin when the store has no users: from SWITCHYARD_ADMIN_USER /
 * SWITCHYARD_ADMIN_PASSWORD, or with a generated password printed once on stdout.
 * Later starts leave existing users alone, whatever the variables say.
 */
export async function ensureFirstAdmin(): Promise<void> {
  const problem = adminPasswordProblem();
  if (problem) throw new Error(problem);
  const db = await getDb();
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(users);
  if (n > 0) return;
  const username = process.env.SWITCHYARD_ADMIN_USER?.trim() || "admin";
  const given = process.env.SWITCHYARD_ADMIN_PASSWORD;
  const password = given || randomBytes(18).toString("base64url");
  const inserted = await db
    .insert(users)
    .values({ username, passwordHash: await hashPassword(password), role: "admin" })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!inserted[0]) return; // another process created it first
  if (!given) {
    // The only time this password is ever shown.
    console.log(`Switchyard first admin created: username "${username}", password "${password}" (change it on the Users page).`);
  }
  await recordAudit({ actor: "system", action: "user.add", target: username, commands: [], result: "ok", detail: "first admin" });
}
