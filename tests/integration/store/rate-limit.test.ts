import { scryptSync } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { ensureFirstAdmin } from "@/lib/auth/first-admin";
import { BASE_DELAY_SECONDS, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_USER, userKey } from "@/lib/auth/rate-limit-policy";
import { getDb } from "@/lib/db/client";
import { auditLog, signInThrottle, users } from "@/lib/db/schema";
import { addUser } from "@/lib/auth/users";
import { BAD_CREDENTIALS, RATE_LIMITED, signIn } from "@/lib/auth/sign-in";
import { describeEachBackend } from "./backends";

const PASSWORD = "admin password 1";

async function setup() {
  process.env.SWITCHYARD_ADMIN_PASSWORD = PASSWORD;
  await ensureFirstAdmin();
}

describeEachBackend("sign-in rate limiting", () => {
  it("locks one username after repeated failures, even for the right password, without touching others", async () => {
    await setup();
    for (let i = 0; i < MAX_FAILURES_PER_USER; i++) {
      expect(await signIn({ username: "admin", password: `guess ${i}` }, "198.51.100.1")).toMatchObject({ message: BAD_CREDENTIALS });
    }
    // From another address too: the per-user limit follows the account.
    expect(await signIn({ username: "admin", password: PASSWORD }, "198.51.100.99")).toEqual({ ok: false, code: "rate-limited", message: RATE_LIMITED });
    expect(await signIn({ username: "someone-else", password: "x" }, "198.51.100.1")).toMatchObject({ code: "invalid-credentials" });
  });

  it("locks one address after failures spread over many usernames", async () => {
    await setup();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await signIn({ username: `spray-${i}`, password: "x" }, "203.0.113.7");
    expect(await signIn({ username: "spray-new", password: "x" }, "203.0.113.7")).toMatchObject({ code: "rate-limited" });
    expect(await signIn({ username: "spray-new", password: "x" }, "203.0.113.8")).toMatchObject({ code: "invalid-credentials" });
  });

  it("a successful sign-in clears the account's count", async () => {
    await setup();
    const actor = { id: "00000000-0000-4000-8000-000000000001", username: "test", role: "admin" as const };
    expect((await addUser(actor, { username: "clara", password: "clara password", role: "viewer" })).ok).toBe(true);
    for (let round = 0; round < 2; round++) {
      for (let i = 1; i < MAX_FAILURES_PER_USER; i++) await signIn({ username: "clara", password: "wrong" }, "192.0.2.60");
      expect((await signIn({ username: "clara", password: "clara password" }, "192.0.2.60")).ok).toBe(true);
    }
  });
});

describeEachBackend("sign-in limits under load, delays and hash upgrades", () => {
  const actor = { id: "00000000-0000-4000-8000-000000000001", username: "test", role: "admin" as const };

  it("200 parallel wrong passwords for one account check at most the limit's worth", async () => {
    await setup();
    expect((await addUser(actor, { username: "dora", password: "dora password 1", role: "viewer" })).ok).toBe(true);
    // Spread over addresses, so only the account's limit applies.
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => signIn({ username: "dora", password: `guess ${i}` }, `198.51.100.${i % 250}`)));
    const checked = results.filter((r) => !r.ok && r.code === "invalid-credentials").length;
    expect(checked).toBe(MAX_FAILURES_PER_USER);
    expect(results.filter((r) => !r.ok && r.code === "rate-limited").length).toBe(200 - MAX_FAILURES_PER_USER);
    const db = await getDb();
    const audited = await db.select().from(auditLog).where(and(eq(auditLog.target, "dora"), eq(auditLog.result, "failed")));
    expect(audited.length).toBe(MAX_FAILURES_PER_USER);
  });

  it("does not lock the owner out for good: after the growing delay the right password works", async () => {
    await setup();
    expect((await addUser(actor, { username: "emil", password: "emil password 1", role: "viewer" })).ok).toBe(true);
    for (let i = 0; i < MAX_FAILURES_PER_USER; i++) await signIn({ username: "emil", password: "wrong" }, "192.0.2.70");
    expect(await signIn({ username: "emil", password: "emil password 1" }, "192.0.2.70")).toMatchObject({ code: "rate-limited" });
    const db = await getDb();
    // As if the first delay (BASE_DELAY_SECONDS) had passed.
    await db.update(signInThrottle).set({ lastAt: sql`now() - make_interval(secs => ${BASE_DELAY_SECONDS + 1})` }).where(eq(signInThrottle.key, userKey("emil")));
    expect(await signIn({ username: "emil", password: "wrong again" }, "192.0.2.70")).toMatchObject({ code: "invalid-credentials" });
    // That attempt doubled the wait: one more right at once is refused.
    expect(await signIn({ username: "emil", password: "emil password 1" }, "192.0.2.70")).toMatchObject({ code: "rate-limited" });
    await db.update(signInThrottle).set({ lastAt: sql`now() - make_interval(secs => ${2 * BASE_DELAY_SECONDS + 1})` }).where(eq(signInThrottle.key, userKey("emil")));
    expect((await signIn({ username: "emil", password: "emil password 1" }, "192.0.2.70")).ok).toBe(true);
    expect(await db.select().from(signInThrottle).where(eq(signInThrottle.key, userKey("emil")))).toEqual([]);
  });

  it("upgrades a hash made with older scrypt parameters at the next sign-in", async () => {
    await setup();
    const salt = Buffer.from("0123456789abcdef");
    const old = ["scrypt", 16384, 8, 1, salt.toString("base64"), scryptSync("fred password 1", salt, 64, { N: 16384, r: 8, p: 1 }).toString("base64")].join("$");
    const db = await getDb();
    await db.insert(users).values({ username: "fred", passwordHash: old, role: "viewer" });
    expect((await signIn({ username: "fred", password: "fred password 1" }, "192.0.2.80")).ok).toBe(true);
    const [row] = await db.select().from(users).where(eq(users.username, "fred"));
    expect(row!.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect((await signIn({ username: "fred", password: "fred password 1" }, "192.0.2.80")).ok).toBe(true);
  });
});
