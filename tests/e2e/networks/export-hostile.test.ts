import { afterAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { labExec, labVirsh } from "@/lab";
import { usePage } from "../support/browser";
import { defineNetwork, ready, removeNetwork } from "./support";

const EXPORTED = "sy-net-e2e-export";
const HOSTILE = ["<img src=x onerror=alert(1)>", `sy-net "quoted" it's spaced`];
const withoutIdentity = (xml: string) => xml.replace(/^\s*<uuid>.*<\/uuid>\n/m, "").replace(/^\s*<mac address=.*\/>\n/m, "");

afterAll(async () => {
  await removeNetwork("hv-a", EXPORTED);
  await removeNetwork("hv-b", EXPORTED);
  for (const name of HOSTILE) await removeNetwork("hv-b", name);
});

describe("export and hostile names", () => {
  const t = usePage();

  it("the exported script, replayed on hv-b, gives the same XML apart from uuid and mac", async () => {
    await removeNetwork("hv-b", EXPORTED);
    await defineNetwork("hv-a", EXPORTED, "sy-net-ex0", "10.230.21", "<forward mode='nat'/><domain name='e2e.test'/>");
    await labVirsh("hv-a", ["net-start", EXPORTED]);
    await ready(t.page);
    await t.page.goto(`/hosts/hv-a/networks/${EXPORTED}`);
    const xmlDownload = t.page.waitForEvent("download");
    await t.page.getByRole("link", { name: "Export XML" }).click();
    const xmlFile = readFileSync((await (await xmlDownload).path())!, "utf8");
    const scriptDownload = t.page.waitForEvent("download");
    await t.page.getByRole("link", { name: "Export script" }).click();
    const script = readFileSync((await (await scriptDownload).path())!, "utf8");
    const source = (await labVirsh("hv-a", ["net-dumpxml", "--inactive", EXPORTED])).stdout;
    expect(xmlFile).toBe(source);
    const replay = await labExec("hv-b", ["sh", "-c", script]);
    expect(replay.code, replay.stderr).toBe(0);
    const copy = (await labVirsh("hv-b", ["net-dumpxml", "--inactive", EXPORTED])).stdout;
    expect(withoutIdentity(copy)).toBe(withoutIdentity(source));
    expect((await labVirsh("hv-b", ["net-list", "--name"])).stdout).toContain(EXPORTED);
  });

  it("names with markup, quotes and spaces render as plain text in every list and page", async () => {
    const alerts: string[] = [];
    t.page.on("dialog", (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });
    for (const [i, name] of HOSTILE.entries()) await defineNetwork("hv-b", name, `sy-net-hx${i}`, `10.230.3${i}`);
    await ready(t.page);
    for (const path of ["/hosts/hv-b/networks", "/networks"]) {
      await t.page.goto(path);
      for (const name of HOSTILE) await t.page.getByRole("link", { name, exact: true }).waitFor({ timeout: 30_000 });
      expect(await t.page.locator("img").count()).toBe(0);
    }
    for (const name of HOSTILE) {
      await t.page.goto("/hosts/hv-b/networks");
      await t.page.getByRole("link", { name, exact: true }).click();
      await t.page.getByRole("heading", { level: 1, name, exact: true }).waitFor();
      expect(await t.page.locator('[data-field="Name"]').innerText()).toBe(name);
      await t.page.getByRole("tab", { name: "XML" }).click();
      // The XML tab shows libvirt's escaped text, as text.
      expect(await t.page.getByLabel("Network XML (read-only)").innerText()).toContain(name.includes("<") ? "&lt;img" : "&quot;quoted&quot;");
      expect(await t.page.locator("img").count()).toBe(0);
    }
    expect(alerts).toEqual([]);
  });
});
