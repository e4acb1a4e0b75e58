import { afterAll, describe, expect, it } from "vitest";
import { labVirsh, plugGuest, type Guest } from "@/lab";
import { usePage } from "../support/browser";
import { ready } from "../networks/support";
import { nodeEl, openTopology } from "../topology/support";
import { HOST, natNetwork, removeNetwork } from "../port-forwarding/support";

// A guest that takes a lease while the DHCP tab is open appears in it without
// a reload, within 5 s of the lease; the address then shows on the network's
// VMs tab (for the VM whose NIC has that MAC) and is found by topology search.
// The "guest" is a lab probe using the MAC of a defined VM's NIC, so the VM
// (never started: it has no OS to ask for a lease) is the one the address
// belongs to.
const NET = "sy-addr-net";
const VM = "sy-addr-vm";
const MAC = "52:54:00:22:08:01";
let guest: Guest | undefined;

afterAll(async () => {
  await guest?.remove();
  await labVirsh(HOST, ["undefine", VM]);
  await removeNetwork(NET);
});

const domainXml = `<domain type='qemu'><name>${VM}</name><memory unit='MiB'>32</memory><vcpu>1</vcpu><os><type arch='x86_64' machine='pc'>hvm</type></os>
<devices><interface type='network'><mac address='${MAC}'/><source network='${NET}'/><model type='virtio'/><rom enabled='no'/></interface></devices></domain>`;

describe("leases and addresses as they happen", () => {
  const t = usePage();

  it("shows a new lease on the open DHCP tab within 5 s, then on the VMs tab and in topology search", async () => {
    const { bridge } = await natNetwork(NET, 8);
    await labVirsh(HOST, ["undefine", VM]);
    const defined = await labVirsh(HOST, ["define", "/dev/stdin"], { stdin: domainXml });
    expect(defined.code, defined.stderr).toBe(0);

    await ready(t.page);
    await t.page.goto(`/hosts/${HOST}/networks/${NET}`);
    await t.page.getByRole("tab", { name: "DHCP", exact: true }).click();
    await t.page.getByText("No current leases.").waitFor({ timeout: 30_000 });

    guest = await plugGuest(HOST, bridge, { mac: MAC, timeoutMs: 60_000 });
    const leased = Date.now();
    const row = t.page.getByRole("table", { name: "Current leases" }).locator(`tr[data-mac="${MAC}"]`);
    await row.waitFor({ timeout: 5_000 });
    const seenAfterMs = Date.now() - leased;
    expect(await row.innerText()).toContain(guest.lease.ip);
    expect(seenAfterMs).toBeLessThanOrEqual(5_000);
    console.log(`lease shown ${seenAfterMs} ms after udhcpc got it`);

    // The refresh is one server action every few seconds while the page is visible, none while it is hidden.
    const posts: number[] = [];
    t.page.on("request", (r) => {
      if (r.method() === "POST" && r.headers()["next-action"]) posts.push(Date.now());
    });
    await t.page.waitForTimeout(7_000);
    expect(posts.length).toBeGreaterThanOrEqual(2);
    await t.page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    const hiddenAt = Date.now();
    await t.page.waitForTimeout(7_000);
    expect(posts.filter((at) => at > hiddenAt + 500)).toEqual([]);
    await t.page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "visible" });
      document.dispatchEvent(new Event("visibilitychange"));
    });

    await t.page.getByRole("tab", { name: "VMs", exact: true }).click();
    const address = t.page.getByRole("table", { name: "VMs" }).locator(`[data-address="${guest.lease.ip}"]`);
    await address.waitFor({ timeout: 10_000 });
    expect(await address.innerText()).toContain("lease");

    await openTopology(t.page, HOST);
    await t.page.getByLabel("Search", { exact: true }).fill(guest.lease.ip);
    await t.page.getByText(/^\d+ match(es)?$/).waitFor();
    await expect(nodeEl(t.page, "VM", VM).locator(".opacity-30").count()).resolves.toBe(0);
    await expect(nodeEl(t.page, "VM", "web1").locator(".opacity-30").count()).resolves.toBe(1);
    await nodeEl(t.page, "VM", VM).click();
    const panel = t.page.getByRole("complementary", { name: "Node details" });
    await expect(panel.innerText()).resolves.toContain(guest.lease.ip);
  });
});
