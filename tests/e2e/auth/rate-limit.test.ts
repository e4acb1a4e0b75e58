import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_FAILURES_PER_USER } from "@/lib/auth/rate-limit-policy";
import { signIn, usePage } from "../support/browser";
import { addUserInBrowser } from "./users-ui";

describe("sign-in rate limiting", () => {
  const t = usePage();

  it("locks an account after repeated failures, even against the right password", async () => {
    await signIn(t.page);
    const name = `locked-${randomBytes(3).toString("hex")}`;
    await addUserInBrowser(t.page, name, "the right password", "viewer");
    await t.context.clearCookies();

    await t.page.goto("/login");
    await t.page.getByLabel("Username").fill(name);
    const password = t.page.getByLabel("Password", { exact: true });
    const submit = t.page.getByRole("button", { name: "Sign in" });
    for (let i = 0; i < MAX_FAILURES_PER_USER; i++) {
      await password.fill(`wrong ${i}`);
      await Promise.all([t.page.waitForResponse((r) => r.request().method() === "POST"), submit.click()]);
      await t.page.locator("form [role=alert]").filter({ hasText: "Wrong username or password." }).waitFor();
    }
    await password.fill("the right password");
    await submit.click();
    await t.page.locator("form [role=alert]").filter({ hasText: "Too many failed sign-ins" }).waitFor();
    expect(new URL(t.page.url()).pathname).toBe("/login");
    expect(await t.context.cookies()).toEqual([]);
  });
});
