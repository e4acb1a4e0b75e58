import { afterAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { usePage } from "../support/browser";
import { applyPlan, dumpXml, labNetwork, openTab, ready, removeNetwork } from "./support";

// Static hosts added and removed live from the DHCP tab, each checked with
// net-dumpxml; bad ones refused with a field error before any plan exists.
const NAME = "sy-dhcp-static";

afterAll(() => removeNetwork(NAME));

async function fillHost(page: Page, mac: string, ip: string, name = "") {
  const form = page.getByRole("form", { name: "Add a static host" });
  await form.getByLabel("MAC address").fill(mac);
  await form.getByLabel("IP address").fill(ip);
  await form.getByLabel("Host name (optional)").fill(name);
  await form.getByRole("button", { name: "Add static host" }).click();
  return form;
}

async function fieldError(page: Page, label: string) {
  const input = page.getByRole("form", { name: "Add a static host" }).getByLabel(label);
  await page.waitForFunction((el) => el?.getAttribute("aria-invalid") === "true", await input.elementHandle(), { timeout: 30_000 });
  const id = await input.getAttribute("aria-describedby");
  return page.locator(`[id="${id}"]`).innerText();
}

describe("static DHCP hosts", () => {
  const t = usePage();

  it("adds and removes a static host live, each checked with net-dumpxml", async () => {
    const { uuid } = await labNetwork(NAME, 22);
    await ready(t.page);
    await openTab(t.page, NAME, "DHCP");
    await fillHost(t.page, "52:54:00:25:22:01", "10.252.22.10", "web-a");
    const added = await applyPlan(t.page);
    expect(added[0]).toContain(uuid);
    expect(added[0]).toEqual(expect.arrayContaining(["--live", "--config", "add", "ip-dhcp-host"]));
    const record = "<host mac='52:54:00:25:22:01' name='web-a' ip='10.252.22.10'/>";
    expect(await dumpXml(NAME)).toContain(record);
    expect(await dumpXml(NAME, true)).toContain(record);

    const row = t.page.getByRole("table", { name: "Static hosts" }).locator('tr[data-ip="10.252.22.10"]');
    await row.getByRole("button", { name: /Remove/ }).click();
    const removed = await applyPlan(t.page);
    expect(removed[0]).toEqual(expect.arrayContaining(["delete", "ip-dhcp-host"]));
    expect(await dumpXml(NAME)).not.toContain("52:54:00:25:22:01");
    expect(await dumpXml(NAME, true)).not.toContain("52:54:00:25:22:01");
    await row.waitFor({ state: "detached" });
  });

  it("refuses an IP outside the subnet, a malformed MAC and a duplicate, each with a field error", async () => {
    await labNetwork(NAME, 22, "");
    await ready(t.page);
    await openTab(t.page, NAME, "DHCP");
    await fillHost(t.page, "52:54:00:25:22:02", "10.99.0.5");
    expect(await fieldError(t.page, "IP address")).toMatch(/must be inside 10\.252\.22\.0\/24/);
    await fillHost(t.page, "52:54:00:zz:22:02", "10.252.22.11");
    expect(await fieldError(t.page, "MAC address")).toMatch(/Enter a MAC address/);

    await fillHost(t.page, "52:54:00:25:22:03", "10.252.22.12");
    await applyPlan(t.page);
    await fillHost(t.page, "52:54:00:25:22:03", "10.252.22.13");
    expect(await fieldError(t.page, "MAC address")).toMatch(/already has MAC/);
    await fillHost(t.page, "52:54:00:25:22:04", "10.252.22.12");
    expect(await fieldError(t.page, "IP address")).toMatch(/already has 10\.252\.22\.12/);
    expect(await t.page.getByRole("dialog").count()).toBe(0);
    const xml = await dumpXml(NAME, true);
    expect(xml).not.toMatch(/10\.99\.0\.5|52:54:00:zz|10\.252\.22\.13|52:54:00:25:22:04/);
  });
});
