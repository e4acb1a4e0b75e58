import { describe, expect, inject, it } from "vitest";
import { signIn, usePage } from "../support/browser";
import { callAction, findAction } from "./http-client";

// Next's route announcer is an alert too; the form's own message lives in the form.
const formAlert = (t: ReturnType<typeof usePage>, text: string) => t.page.locator("form [role=alert]").filter({ hasText: text });

describe("signing in and out", () => {
  const t = usePage();

  it("sends an anonymous visitor to the sign-in page, with the labels operators expect", async () => {
    await t.page.goto("/audit");
    await t.page.waitForURL(/\/login\?next=%2Faudit/);
    await expect(t.page.getByLabel("Username").isVisible()).resolves.toBe(true);
    await expect(t.page.getByLabel("Password", { exact: true }).isVisible()).resolves.toBe(true);
    await expect(t.page.getByRole("button", { name: "Sign in" }).isVisible()).resolves.toBe(true);
  });

  it("signs in and shows who is signed in, their role, admin links and Sign out", async () => {
    await signIn(t.page);
    const nav = t.page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByTestId("signed-in-user").innerText()).resolves.toBe(`${inject("adminUser")} (admin)`);
    for (const link of ["Audit", "Users"]) await expect(nav.getByRole("link", { name: link }).isVisible()).resolves.toBe(true);
    await expect(nav.getByRole("button", { name: "Sign out" }).isVisible()).resolves.toBe(true);
    const [cookie] = await t.context.cookies();
    expect(cookie).toMatchObject({ name: "switchyard_session", httpOnly: true, sameSite: "Lax" });
    expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000);
  });

  it("returns to the page that was asked for", async () => {
    await t.page.goto("/users");
    await t.page.waitForURL(/\/login\?next=%2Fusers/);
    await t.page.getByLabel("Username").fill(inject("adminUser"));
    await t.page.getByLabel("Password", { exact: true }).fill(inject("adminPassword"));
    await t.page.getByRole("button", { name: "Sign in" }).click();
    await t.page.waitForURL((url) => url.pathname === "/users");
    await t.page.getByRole("heading", { name: "Users" }).waitFor();
  });

  it("gives the same error for a wrong password and an unknown user", async () => {
    await t.page.goto("/login");
    await t.page.getByLabel("Username").fill(inject("adminUser"));
    await t.page.getByLabel("Password", { exact: true }).fill("definitely not the password");
    await t.page.getByRole("button", { name: "Sign in" }).click();
    await formAlert(t, "Wrong username or password.").waitFor();
    await expect(t.page.locator("form [role=alert]").innerText()).resolves.toBe("Wrong username or password.");
    await t.page.getByLabel("Username").fill("no-such-user");
    await Promise.all([t.page.waitForResponse((r) => r.request().method() === "POST"), t.page.getByRole("button", { name: "Sign in" }).click()]);
    await formAlert(t, "Wrong username or password.").waitFor();
    expect(new URL(t.page.url()).pathname).toBe("/login");
    expect(await t.context.cookies()).toEqual([]);
  });

  it("marks empty fields invalid with a visible message", async () => {
    await t.page.goto("/login");
    await t.page.getByRole("button", { name: "Sign in" }).click();
    const username = t.page.getByLabel("Username");
    await t.page.getByText("Enter your username").waitFor();
    await expect(username.getAttribute("aria-invalid")).resolves.toBe("true");
  });

  it("sign out invalidates the session on the server: the old cookie is refused", async () => {
    await signIn(t.page);
    const old = (await t.context.cookies()).find((c) => c.name === "switchyard_session")!;
    await t.page.getByRole("button", { name: "Sign out" }).click();
    await t.page.waitForURL(/\/login/);
    await t.page.getByRole("button", { name: "Sign in" }).waitFor();

    // Replay the old cookie, as someone who copied it would.
    const cookie = `${old.name}=${old.value}`;
    const page = await fetch(inject("baseURL") + "/users", { headers: { Cookie: cookie }, redirect: "manual" });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toMatch(/\/login/);
    const reply = await callAction(findAction("app/users/actions.ts", "addUser"), [{ username: "replayed", password: "replayed password", role: "admin" }], cookie);
    expect(reply.text).toContain('"code":"unauthenticated"');
  });
});
