import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { ensureFirstAdmin } from "@/lib/auth/first-admin";
import type { Operator } from "@/lib/auth/roles";
import { createSession, deleteSession, operatorForToken } from "@/lib/auth/sessions";
import { BAD_CREDENTIALS, signIn } from "@/lib/auth/sign-in";
import { addUser, removeUser, resetUserPassword, setUserRole } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { sessions, users } from "@/lib/db/schema";
import { describeEachBackend } from "./backends";

const PASSWORD = "admin password 1";

async function admin(): Promise<Operator> {
  process.env.SWITCHYARD_ADMIN_PASSWORD = PASSWORD;
  await ensureFirstAdmin();
  const [row] = await (await getDb()).select().from(users).where(eq(users.username, "admin"));
  return { id: row!.id, username: row!.username, role: row!.role };
}

async function signedIn(username: string, password: string) {
  const result = await signIn({ username, password }, "192.0.2.1");
  if (!result.ok) throw new Error(result.message);
  return result.data.token;
}

describeEachBackend("users and sessions", () => {
  it("signs in with the right password and stores only the token's hash", async () => {
    await admin();
    const token = await signedIn("admin", PASSWORD);
    expect(await operatorForToken(token)).toMatchObject({ username: "admin", role: "admin" });
    const stored = await (await getDb()).select().from(sessions);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("refuses a wrong password and an unknown user with the same message", async () => {
    await admin();
    const wrong = await signIn({ username: "admin", password: "not it" }, "192.0.2.2");
    const unknown = await signIn({ username: "nobody", password: PASSWORD }, "192.0.2.2");
    expect(wrong).toEqual({ ok: false, code: "invalid-credentials", message: BAD_CREDENTIALS });
    expect(unknown).toEqual(wrong);
  });

  it("sign-out deletes the session on the server", async () => {
    await admin();
    const token = await signedIn("admin", PASSWORD);
    await deleteSession(token);
    expect(await operatorForToken(token)).toBeNull();
  });

  it("expires sessions after SWITCHYARD_SESSION_TTL_SECONDS", async () => {
    const me = await admin();
    process.env.SWITCHYARD_SESSION_TTL_SECONDS = "1";
    try {
      const { token, expiresAt } = await createSession(me.id);
      expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(1000);
      expect(await operatorForToken(token)).not.toBeNull();
      await new Promise((r) => setTimeout(r, 1200));
      expect(await operatorForToken(token)).toBeNull();
    } finally {
      delete process.env.SWITCHYARD_SESSION_TTL_SECONDS;
    }
  });

  it("applies a role change to live sessions at once, and a password reset signs the user out", async () => {
    const me = await admin();
    const added = await addUser(me, { username: "vera", password: "vera password 1", role: "operator" });
    if (!added.ok) throw new Error(added.message);
    const token = await signedIn("vera", "vera password 1");
    expect((await setUserRole(me, added.data.id, "viewer")).ok).toBe(true);
    expect(await operatorForToken(token)).toMatchObject({ username: "vera", role: "viewer" });
    expect((await resetUserPassword(me, added.data.id, "vera password 2")).ok).toBe(true);
    expect(await operatorForToken(token)).toBeNull();
    expect((await signIn({ username: "vera", password: "vera password 1" }, "192.0.2.3")).ok).toBe(false);
    expect((await signIn({ username: "vera", password: "vera password 2" }, "192.0.2.3")).ok).toBe(true);
  });

  it("refuses a taken username, and keeps at least one admin", async () => {
    const me = await admin();
    const taken = await addUser(me, { username: "admin", password: "another password", role: "viewer" });
    expect(taken).toMatchObject({ ok: false, fieldErrors: { username: "That username is taken" } });
    const others = (await (await getDb()).select().from(users)).filter((u) => u.role === "admin" && u.id !== me.id);
    for (const other of others) await removeUser(me, other.id);
    expect(await setUserRole(me, me.id, "viewer")).toMatchObject({ ok: false, code: "last-admin" });
    const stranger: Operator = { id: "00000000-0000-4000-8000-000000000000", username: "ghost", role: "admin" };
    expect(await removeUser(stranger, me.id)).toMatchObject({ ok: false, code: "last-admin" });
    expect(await removeUser(me, me.id)).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("removing a user ends their sessions", async () => {
    const me = await admin();
    const added = await addUser(me, { username: "temp", password: "temp password 1", role: "viewer" });
    if (!added.ok) throw new Error(added.message);
    const token = await signedIn("temp", "temp password 1");
    expect((await removeUser(me, added.data.id)).ok).toBe(true);
    expect(await operatorForToken(token)).toBeNull();
  });
});
