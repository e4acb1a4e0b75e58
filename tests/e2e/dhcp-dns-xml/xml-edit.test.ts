import { afterAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { labVirsh } from "@/lab";
import { usePage } from "../support/browser";
import { applyPlan, dumpXml, HOST, labNetwork, openTab, ready, removeNetwork } from "./support";

// The XML tab's Edit mode: invalid edits and edits made on an outdated copy
// are refused with nothing changed; a valid edit shows its diff and applies.
const NAME = "sy-dhcp-xml";

afterAll(() => removeNetwork(NAME));

async function openEditor(page: Page) {
  await openTab(page, NAME, "XML");
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await page.locator(".cm-content").getByText("<network").first().waitFor({ timeout: 30_000 });
}

async function replaceText(page: Page, text: string) {
  await page.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

// Inside the tab panel: Next's route announcer is a role=alert of its own.
const alert = (page: Page) => page.getByRole("tabpanel").getByRole("alert").first();

describe("XML editing", () => {
  const t = usePage();

  it("refuses malformed XML and XML libvirt's schema rejects; the host is unchanged", async () => {
    await labNetwork(NAME, 24);
    const before = await dumpXml(NAME, true);
    await ready(t.page);
    await openEditor(t.page);
    await replaceText(t.page, before.replace("</network>", "<oops></network>"));
    await t.page.getByRole("button", { name: "Apply" }).click();
    expect(await alert(t.page).innerText()).toMatch(/not valid network XML/);
    // Passed through by Switchyard's policy (a portgroup), refused by libvirt's schema.
    await replaceText(t.page, before.replace("</network>", "<portgroup name='pg' bogus='1'/></network>"));
    await t.page.getByRole("button", { name: "Apply" }).click();
    await alert(t.page).getByText(/libvirt refuses this XML/).waitFor({ timeout: 30_000 });
    expect(await alert(t.page).innerText()).toMatch(/bogus/);
    await replaceText(t.page, before.replace(`<name>${NAME}</name>`, "<name>sy-dhcp-renamed</name>"));
    await t.page.getByRole("button", { name: "Apply" }).click();
    await alert(t.page).getByText(/name cannot be changed/).waitFor({ timeout: 30_000 });
    expect(await t.page.getByRole("dialog").count()).toBe(0);
    expect(await dumpXml(NAME, true)).toBe(before);
  });

  it("refuses to save when the host's XML changed while the editor was open, and shows the newer version", async () => {
    await labNetwork(NAME, 24);
    const loaded = await dumpXml(NAME, true);
    await ready(t.page);
    await openEditor(t.page);
    const outOfBand = loaded.replace("</network>", "  <domain name='oob.example'/>\n</network>");
    expect((await labVirsh(HOST, ["net-define", "/dev/stdin"], { stdin: outOfBand })).code).toBe(0);
    await replaceText(t.page, loaded.replace("</network>", "  <mtu size='1400'/>\n</network>"));
    await t.page.getByRole("button", { name: "Apply" }).click();
    await alert(t.page).getByText(/changed since you opened the editor/).waitFor({ timeout: 30_000 });
    expect(await t.page.getByRole("region", { name: "Newer version on the host" }).innerText()).toContain("oob.example");
    const now = await dumpXml(NAME, true);
    expect(now).toContain("oob.example");
    expect(now).not.toContain("1400");
  });

  it("shows a valid edit's diff and what needs a restart, then applies it", async () => {
    await labNetwork(NAME, 24);
    const loaded = await dumpXml(NAME, true);
    await ready(t.page);
    await openEditor(t.page);
    await replaceText(t.page, loaded.replace("</network>", "  <domain name='xml-edit.example'/>\n</network>"));
    await t.page.getByRole("button", { name: "Apply" }).click();
    const review = t.page.getByRole("region", { name: "Review of the edit" });
    await review.waitFor({ timeout: 30_000 });
    expect(await review.locator("[data-diff='added']").allInnerTexts()).toEqual(["+   <domain name='xml-edit.example'/>"]);
    expect(await review.getByRole("list", { name: "Changed parts" }).innerText()).toMatch(/domain: needs a restart/);
    await review.getByRole("button", { name: "Continue to the plan" }).click();
    const argv = await applyPlan(t.page);
    expect(argv[1]).toEqual(expect.arrayContaining(["net-define", "--validate", "/dev/stdin"]));
    expect(await dumpXml(NAME, true)).toContain("<domain name='xml-edit.example'/>");
  });
});
