import { expect, it } from "vitest";
import { ensureFirstAdmin } from "@/lib/auth/first-admin";
import { MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_USER } from "@/lib/auth/rate-limit-policy";
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
