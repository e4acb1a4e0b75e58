import { describe, expect, it } from "vitest";
import { usePage } from "./support/browser";

describe("landing page", () => {
  const t = usePage();

  it("says what Switchyard is and for whom, with navigation", async () => {
    await t.page.goto("/");
    await expect(t.page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Switchyard");
    const body = await t.page.locator("main").innerText();
    expect(body).toMatch(/libvirt virtual networks/);
    expect(body).toMatch(/operators who run KVM hosts/);
    const nav = t.page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Hosts" }).isVisible()).resolves.toBe(true);
  });
});
