import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { usePage } from "../support/browser";
import { ready } from "../networks/support";
import { edgeEl, nodeEl, openTopology, tapsOf } from "./support";

// hv-a's baseline as the spec words it, read from the DOM of the drawn graph.

describe("hv-a's topology", () => {
  const t = usePage();

  it("shows web1 → its tap → virbr0 (default) → NAT → eth0", async () => {
    const [tap] = await tapsOf("hv-a", "web1");
    expect(tap).toMatch(/^vnet\d+$/);
    await ready(t.page);
    await openTopology(t.page, "hv-a");
    await edgeEl(t.page, "web1", tap!).waitFor({ state: "attached" });
    await edgeEl(t.page, tap!, "default").waitFor({ state: "attached" });
    await edgeEl(t.page, "default", "eth0", "NAT").waitFor({ state: "attached" });
    const network = await nodeEl(t.page, "Network", "default").innerText();
    expect(network).toContain("virbr0");
    expect(network).toContain("NAT");
    await expect(nodeEl(t.page, "NIC", "eth0").getAttribute("data-state")).resolves.toBe("up");
    await expect(nodeEl(t.page, "VM", "web1").getAttribute("data-state")).resolves.toBe("running");
    // The NAT label is drawn on the uplink edge itself.
    await expect(edgeEl(t.page, "default", "eth0", "NAT").innerHTML()).resolves.toContain("NAT");
    await edgeEl(t.page, "eth1", "br0").waitFor({ state: "attached" });
  });

  it("filters by network, searches, opens the side panel with the network link, and exports", async () => {
    await ready(t.page);
    await openTopology(t.page, "hv-a");
    await t.page.getByLabel("Network", { exact: true }).selectOption("default");
    await nodeEl(t.page, "Bridge", "br0").waitFor({ state: "hidden" });
    await expect(nodeEl(t.page, "VM", "web1").isVisible()).resolves.toBe(true);
    await t.page.getByLabel("Network", { exact: true }).selectOption("");
    await nodeEl(t.page, "Bridge", "br0").waitFor();

    // web1 and its tap (whose details name the VM) match; db1 does not.
    await t.page.getByLabel("Search", { exact: true }).fill("web1");
    await t.page.getByText("2 matches", { exact: true }).waitFor();
    await expect(nodeEl(t.page, "VM", "db1").locator(".opacity-30").count()).resolves.toBe(1);
    await t.page.getByLabel("Search", { exact: true }).fill("");

    await nodeEl(t.page, "Network", "default").click();
    const panel = t.page.getByRole("complementary", { name: "Node details" });
    await expect(panel.getByTestId("side-panel-title").innerText()).resolves.toBe("default");
    await expect(panel.getByRole("link", { name: "Open network default" }).getAttribute("href")).resolves.toBe("/hosts/hv-a/networks/default");

    for (const format of ["png", "svg"]) {
      const download = t.page.waitForEvent("download");
      await t.page.getByRole("button", { name: `Export ${format.toUpperCase()}` }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`hv-a-topology.${format}`);
      const bytes = readFileSync((await file.path())!);
      expect(bytes.length).toBeGreaterThan(1000);
      if (format === "svg") expect(bytes.toString("utf8")).toContain("<svg");
    }
  });

  it("folds VM interfaces into VM → network edges when the operator unticks them, and draws them again", async () => {
    const [tap] = await tapsOf("hv-a", "web1");
    await ready(t.page);
    await openTopology(t.page, "hv-a");
    const toggle = t.page.getByLabel("Show VM interfaces");
    await expect(toggle.isChecked()).resolves.toBe(true);
    await toggle.uncheck();
    await nodeEl(t.page, "VM interface", tap!).waitFor({ state: "detached" });
    await edgeEl(t.page, "web1", "default").waitFor({ state: "attached" });
    await t.page.getByText("VM interfaces are folded into VM → network edges.").waitFor();
    await toggle.check();
    await edgeEl(t.page, "web1", tap!).waitFor({ state: "attached" });
    await edgeEl(t.page, "web1", "default").waitFor({ state: "detached" });
  });

  it("draws the fleet view with a box per host", async () => {
    await ready(t.page);
    await t.page.goto("/topology");
    await t.page.locator('.react-flow__node[aria-label="Host hv-a"]').waitFor({ timeout: 60_000 });
    await t.page.locator('.react-flow__node[aria-label="Host hv-b"]').waitFor({ timeout: 60_000 });
    // Other suites may register more hosts on the same lab; each lab host's box holds its own default.
    for (const host of ["hv-a", "hv-b"]) {
      const inBox = t.page.locator(`.react-flow__node[data-id^="${host}:network:"][aria-label="Network default"]`);
      expect(await inBox.count()).toBe(1);
    }
  });
});
