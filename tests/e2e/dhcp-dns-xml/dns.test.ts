import { afterAll, describe, expect, it } from "vitest";
import { usePage } from "../support/browser";
import { plugGuest, type Guest } from "@/lab";
import { applyPlan, dumpXml, HOST, labNetwork, openTab, ready, removeNetwork } from "./support";

// A DNS record added live resolves through the network's dnsmasq from a guest
// namespace; the domain goes through net-define and waits for the offered restart.
const NAME = "sy-dhcp-dns";
const guests: Guest[] = [];

afterAll(async () => {
  await Promise.all(guests.map((g) => g.remove()));
  await removeNetwork(NAME);
});

describe("DNS tab", () => {
  const t = usePage();

  it("adds a host record live; it resolves with busybox nslookup from a guest", async () => {
    const { bridge, gateway } = await labNetwork(NAME, 23);
    await ready(t.page);
    await openTab(t.page, NAME, "DNS");
    const form = t.page.getByRole("form", { name: "Add a DNS record" });
    await form.getByLabel("Record IP").fill("10.252.23.77");
    await form.getByLabel("Host names").fill("sy-dhcp-web, sy-dhcp-www");
    await form.getByRole("button", { name: "Add record" }).click();
    const argv = await applyPlan(t.page);
    expect(argv[0]).toEqual(expect.arrayContaining(["net-update", "--live", "--config", "add", "dns-host"]));
    expect(await dumpXml(NAME)).toMatch(/<host ip='10\.252\.23\.77'>\s*<hostname>sy-dhcp-web<\/hostname>\s*<hostname>sy-dhcp-www<\/hostname>/);
    await t.page.getByRole("table", { name: "DNS host records" }).locator('tr[data-ip="10.252.23.77"]').waitFor();

    const guest = await plugGuest(HOST, bridge, { mac: "52:54:00:25:23:01", timeoutMs: 60_000 });
    guests.push(guest);
    const answer = await guest.exec(["busybox", "nslookup", "sy-dhcp-www", gateway]);
    expect(answer.stdout).toMatch(/Address:?\s+10\.252\.23\.77/);
  });

  it("changes the domain with net-define, says it needs a restart, and restarts on request", async () => {
    const { uuid } = await labNetwork(NAME, 23);
    await ready(t.page);
    await openTab(t.page, NAME, "DNS");
    const form = t.page.getByRole("form", { name: "Domain and forwarders" });
    await form.getByText(/take effect after a restart/).waitFor();
    await form.getByLabel("Domain", { exact: true }).fill("sy-dhcp.example");
    await form.getByRole("button", { name: "Save domain and forwarders" }).click();
    const dialog = t.page.getByRole("dialog");
    await dialog.getByText(/keeps its old settings until it is restarted/).waitFor();
    const defined = await applyPlan(t.page);
    expect(defined[0]?.slice(0, 2)).toEqual(["sh", "-c"]); // the definition is still the one the plan was built from
    expect(defined[1]).toEqual(["env", "LC_ALL=C", "virsh", "-c", "qemu:///system", "net-define", "--validate", "--", "/dev/stdin"]);
    expect(await dumpXml(NAME, true)).toContain("<domain name='sy-dhcp.example'/>");
    expect(await dumpXml(NAME)).not.toContain("sy-dhcp.example");

    await form.getByRole("button", { name: "Restart network" }).click();
    const restart = await applyPlan(t.page);
    expect(restart).toEqual([
      ["env", "LC_ALL=C", "virsh", "-c", "qemu:///system", "net-destroy", "--", uuid],
      ["env", "LC_ALL=C", "virsh", "-c", "qemu:///system", "net-start", "--", uuid],
    ]);
    expect(await dumpXml(NAME)).toContain("<domain name='sy-dhcp.example'/>");
  });
});
