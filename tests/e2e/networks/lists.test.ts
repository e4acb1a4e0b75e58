import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { labHost, labVirsh } from "@/lab";
import { dhcpSummary, forwardingLabel, parseNetworkXml, type NetworkSpec } from "@/lib/domain/network";
import { usePage } from "../support/browser";
import { execCount, ready, serverSshPorts, settle, uuidsOn } from "./support";

// The host and fleet lists, each value checked against `virsh net-dumpxml`
// on the host, and the SSH cost of a page load counted by the host's sshd.
/** Column names without the sort arrow (aria-hidden, but part of innerText). */
const headers = async (page: Page) => (await page.getByRole("columnheader").allInnerTexts()).map((h) => h.replace(/[▲▼]/g, "").trim());
const cells = ["Name", "State", "Autostart", "Persistent", "Bridge", "Forwarding", "IPv4", "IPv6", "DHCP range", "VMs"];

function expectedCells(spec: NetworkSpec, active: boolean, autostart: boolean) {
  const l3 = "ipv4" in spec ? spec : null;
  const cidr = (ip?: { address: string; prefix: number }) => (ip ? `${ip.address}/${ip.prefix}` : "—");
  const dhcp = [l3?.ipv4, l3?.ipv6].filter(Boolean).map((ip) => dhcpSummary(ip!)).filter((s) => s !== "Off").join("; ") || "Off";
  return {
    Name: spec.name, State: active ? "Active" : "Inactive", Autostart: autostart ? "Yes" : "No", Persistent: "Yes",
    Bridge: l3?.bridge?.name ?? "—", Forwarding: forwardingLabel(spec), IPv4: cidr(l3?.ipv4), IPv6: cidr(l3?.ipv6), "DHCP range": dhcp,
  };
}

describe("network lists", () => {
  const t = usePage();

  it.each(["hv-a", "hv-b"])("/hosts/%s/networks shows every network with the values net-dumpxml gives", async (host) => {
    await ready(t.page);
    await t.page.goto(`/hosts/${host}/networks`);
    await t.page.getByRole("table").waitFor();
    expect(await headers(t.page)).toEqual(cells);
    const active = await uuidsOn(host, ["net-list"]);
    const autostart = await uuidsOn(host, ["net-list", "--all", "--autostart"]);
    for (const uuid of await uuidsOn(host, ["net-list", "--all"])) {
      const dump = await labVirsh(host, ["net-dumpxml", uuid]);
      const parsed = parseNetworkXml(dump.stdout);
      if (!parsed.ok || !/^(default|staging)$/.test(parsed.spec.name)) continue; // other suites' networks come and go
      const row = t.page.locator(`tr[data-uuid="${uuid}"]`);
      const texts = (await row.locator("td").allInnerTexts()).map((s) => s.trim());
      const shown = Object.fromEntries(cells.map((c, i) => [c, texts[i]]));
      expect(shown).toMatchObject(expectedCells(parsed.spec, active.includes(uuid), autostart.includes(uuid)));
      if (parsed.spec.name === "default") expect(shown.VMs).toBe("2");
    }
  });

  it("a page load makes exactly one SSH exec on the host", async () => {
    await ready(t.page);
    await t.page.goto("/hosts/hv-a/networks");
    await t.page.getByRole("table").waitFor();
    const address = labHost("hv-a").address;
    const ports = serverSshPorts(address);
    expect(ports.length).toBeGreaterThan(0);
    await settle();
    const before = execCount("hv-a", ports);
    await t.page.goto("/hosts/hv-a/networks");
    await t.page.getByRole("table").waitFor();
    await settle(1500);
    expect(execCount("hv-a", ports) - before).toBe(1);
  });

  it("/networks lists both hosts' networks with a Host column, filters and sorts", async () => {
    await ready(t.page);
    await t.page.goto("/networks");
    const table = t.page.getByRole("table");
    await table.locator('tr[data-uuid]').first().waitFor();
    await t.page.locator("tr[data-host-status]").first().waitFor({ state: "detached", timeout: 30_000 }).catch(() => {});
    expect(await headers(t.page)).toEqual(["Host", ...cells]);
    const hostsShown = new Set(await table.locator("tr[data-uuid] td:first-child").allInnerTexts());
    expect([...hostsShown].sort()).toEqual(expect.arrayContaining(["hv-a", "hv-b"]));
    for (const host of ["hv-a", "hv-b"]) {
      const def = (await labVirsh(host, ["net-uuid", "default"])).stdout.trim();
      expect(await table.locator(`tr[data-uuid="${def}"] td:first-child`).innerText()).toBe(host);
    }
    await t.page.getByLabel("Filter").fill("staging");
    await expect.poll(() => table.locator("tr[data-uuid] td:nth-child(2)").allInnerTexts()).toEqual(["staging"]);
    await t.page.getByLabel("Filter").fill("");
    await t.page.getByRole("button", { name: "Name" }).click();
    const names = await table.locator("tr[data-uuid] td:nth-child(2)").allInnerTexts();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
    await t.page.getByRole("button", { name: "Name" }).click();
    expect(await t.page.getByRole("columnheader", { name: "Name" }).getAttribute("aria-sort")).toBe("descending");
  });

  it("/networks takes an operator into the wizard of the host they choose", async () => {
    await ready(t.page);
    await t.page.goto("/networks");
    const create = t.page.getByRole("form", { name: "Create a network" });
    await create.getByLabel("on host").selectOption("hv-b");
    await create.getByRole("button", { name: "Create network" }).click();
    await t.page.waitForURL((url) => url.pathname === "/hosts/hv-b/new-network");
    await t.page.getByRole("heading", { name: "Create a new virtual network on hv-b" }).waitFor();
    await t.page.getByText("Step 1 of 4").waitFor();
  });
});
