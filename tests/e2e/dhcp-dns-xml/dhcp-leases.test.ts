import { afterAll, describe, expect, it } from "vitest";
import { usePage } from "../support/browser";
import { plugGuest, type Guest } from "@/lab";
import { applyPlan, dnsmasqHostsFile, dumpXml, HOST, labNetwork, openTab, ready, removeNetwork } from "./support";

// A guest's lease shows in the DHCP tab; "Reserve" makes it a static host
// (net-update --live --config), and the same MAC gets the same IP again.
const NAME = "sy-dhcp-lease";
const MAC = "52:54:00:25:21:01";
const guests: Guest[] = [];

afterAll(async () => {
  await Promise.all(guests.map((g) => g.remove()));
  await removeNetwork(NAME);
});

describe("DHCP leases and reservations", () => {
  const t = usePage();

  it("shows a guest's lease, reserves it, and the MAC gets the same IP next time", async () => {
    const { uuid, bridge } = await labNetwork(NAME, 21);
    const first = await plugGuest(HOST, bridge, { mac: MAC, timeoutMs: 60_000 });
    guests.push(first);
    await first.remove();

    await ready(t.page);
    await openTab(t.page, NAME, "DHCP");
    const row = t.page.getByRole("table", { name: "Current leases" }).locator(`tr[data-mac="${MAC}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.innerText()).toContain(first.lease.ip);

    await row.getByRole("button", { name: "Reserve" }).click();
    const argv = await applyPlan(t.page);
    expect(argv[0]).toEqual(["env", "LC_ALL=C", "virsh", "-c", "qemu:///system", "net-update", "--live", "--config", "--", uuid, "add", "ip-dhcp-host", `<host mac="${MAC}" ip="${first.lease.ip}"/>`]);

    for (const xml of [await dumpXml(NAME), await dumpXml(NAME, true)]) expect(xml).toContain(`<host mac='${MAC}' ip='${first.lease.ip}'/>`);
    expect(await dnsmasqHostsFile(NAME)).toContain(`${MAC},${first.lease.ip}`);
    await t.page.getByRole("table", { name: "Static hosts" }).locator(`tr[data-ip="${first.lease.ip}"]`).waitFor();

    const second = await plugGuest(HOST, bridge, { mac: MAC, timeoutMs: 60_000 });
    guests.push(second);
    expect(second.lease.ip).toBe(first.lease.ip);
  });
});
