import { sql } from "drizzle-orm";
import { expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { ensureFirstAdmin } from "@/lib/auth/first-admin";
import { signIn } from "@/lib/auth/sign-in";
import { describeEachBackend } from "./backends";

const rowsOf = (result: unknown) => ((result as { rows?: unknown[] }).rows ?? result) as Record<string, unknown>[];

describeEachBackend("migrations and the first admin", () => {
  it("applies the committed migrations once, and reopening does not re-apply them", async () => {
    const db = await getDb();
    const tables = rowsOf(await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`));
    expect(tables.map((t) => t.table_name)).toEqual(["audit_log", "cross_host_pending_removals", "cross_host_segments", "generated_keys", "hosts", "plans", "sessions", "sign_in_throttle", "users"]);
    const count = async () => Number(rowsOf(await (await getDb()).execute(sql`select count(*) as n from drizzle.__drizzle_migrations`))[0]!.n);
    const applied = await count();
    expect(applied).toBeGreaterThan(0);
    await closeDb();
    expect(await count()).toBe(applied);
  });

  it("generates the first admin's password when none is given, and prints it once on one line", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await ensureFirstAdmin();
      await ensureFirstAdmin();
      expect(log).toHaveBeenCalledTimes(1);
      const line = String(log.mock.calls[0]![0]);
      expect(line).not.toContain("\n");
      const password = /password "([^"]+)"/.exec(line)?.[1];
      expect(password).toBeTruthy();
      const result = await signIn({ username: "admin", password: password! }, "10.0.0.1");
      expect(result.ok).toBe(true);
    } finally {
      log.mockRestore();
    }
  });

  it("takes the first admin from SWITCHYARD_ADMIN_USER and SWITCHYARD_ADMIN_PASSWORD, printing nothing", async () => {
    const db = await getDb();
    await db.delete(users);
    process.env.SWITCHYARD_ADMIN_USER = "chief";
    process.env.SWITCHYARD_ADMIN_PASSWORD = "correct horse battery";
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await ensureFirstAdmin();
      expect(log).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
    const [chief] = await db.select().from(users);
    expect(chief).toMatchObject({ username: "chief", role: "admin" });
    expect(chief!.passwordHash).not.toContain("correct horse battery");
    expect((await signIn({ username: "chief", password: "correct horse battery" }, "10.0.0.2")).ok).toBe(true);
  });
});
