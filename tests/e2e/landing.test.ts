import { describe, expect, it } from "vitest";
import { signIn, usePage } from "./support/browser";

describe("landing page", () => {
  const t = usePage();

  it("says what Switchyard is and for whom, before anyone signs in", async () => {
    await t.page.goto("/");
    expect(new URL(t.page.url()).pathname).toBe("/");
    expect(await t.page.getByRole("heading", { level: 1 }).textContent()).toContain("Switchyard");
    const body = await t.page.locator("main").innerText();
    expect(body).toMatch(/libvirt virtual networks/);
    expect(body).toMatch(/operators who run KVM hosts/);
    await t.page.getByRole("link", { name: "Sign in" }).click();
    await t.page.waitForURL(/\/login/);
  });

  it("offers the navigation once signed in", async () => {
    await signIn(t.page);
    await t.page.goto("/");
    const nav = t.page.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link", { name: "Hosts" }).isVisible()).toBe(true);
    expect(await t.page.getByRole("link", { name: "Go to hosts" }).isVisible()).toBe(true);
  });
});
