import { afterAll, describe, expect, it } from "vitest";
import { labExec, labLan, labVirsh, plugGuest, probe } from "@/lab";
import { usePage } from "../support/browser";
import { ready } from "../networks/support";
import { restoreGuest } from "../interfaces/support";
import { finishAndLand, ipToInt, readReview } from "../wizard/support";
import { addPortgroup, attachToNetwork, chooseBridge, ovsGet, removeNetwork, startDeviceWizard, targetOf } from "./support";

// Bridged networks end to end on hv-a, created in the wizard and proven on the
// host: a network onto the Linux bridge br0 (whose port eth1 is on the lab's
// LAN), and one onto the Open vSwitch bridge ovsbr0 with VLAN portgroups. Guests
// are plugged in from their VM pages; the host is read with virsh, bridge and
// ovs-vsctl, and traffic is checked with probe guests on the LAN.
const HOST = "hv-a";
const BR = "sy-dev-br";
const OVS = "sy-dev-ovs";
const attached: { vm: string; mac: string }[] = [];

afterAll(async () => {
  for (const { vm, mac } of attached) await restoreGuest(HOST, vm, [mac]);
  await removeNetwork(HOST, BR);
  await removeNetwork(HOST, OVS);
});

describe("bridged networks from the wizard", () => {
  const t = usePage();

  it("bridges to br0: no address pages, web1's tap on br0, and a probe on the bridge leases from the LAN router", async () => {
    const page = t.page;
    await removeNetwork(HOST, BR);
    await ready(page);
    await startDeviceWizard(page, HOST, BR, "bridge");
    // The device page asks for no address, DHCP or DNS.
    expect(await page.getByLabel("Network", { exact: true }).count()).toBe(0);
    expect(await page.getByLabel("DNS Domain Name", { exact: true }).count()).toBe(0);
    await chooseBridge(page, "br0");
    const review = await readReview(page);
    expect(review.xml).toContain('<forward mode="bridge"/>');
    expect(review.xml).toContain('<bridge name="br0"/>');
    expect(review.xml).not.toMatch(/<ip|<dns|<domain/);
    expect(review.argv[0]).toEqual(expect.arrayContaining(["net-define", "--validate", "/dev/stdin"]));
    await finishAndLand(page, HOST, BR);
    expect(await page.locator('dl[aria-label="Overview"]').innerText()).toMatch(/Bridge br0/);
    const info = (await labVirsh(HOST, ["net-info", "--", BR])).stdout;
    expect(info).toMatch(/Bridge:\s+br0/);
    expect(info).toMatch(/Active:\s+yes/);

    const mac = await attachToNetwork(page, HOST, "web1", BR);
    attached.push({ vm: "web1", mac });
    const tap = await targetOf(HOST, "web1", mac);
    const ports = JSON.parse((await labExec(HOST, ["bridge", "-j", "link"])).stdout) as { ifname: string; master?: string }[];
    expect(ports.find((p) => p.ifname === tap)?.master).toBe("br0");

    // The network's bridge is br0 itself: a guest there is on the LAN, and its router's dnsmasq answers.
    const lan = labLan();
    const lease = (await probe(HOST, "br0", { ping: [lan.router], timeoutMs: 90_000 })).lease;
    expect(ipToInt(lease.ip)).toBeGreaterThanOrEqual(ipToInt(lan.dhcpRange[0]));
    expect(ipToInt(lease.ip)).toBeLessThanOrEqual(ipToInt(lan.dhcpRange[1]));
    expect(lease.router).toBe(lan.router);
  });

  it("Open vSwitch with portgroups vlan10 (default) and vlan20: web1 and db1 get tags 10 and 20, and VLAN 10 on hv-b reaches VLAN 10 on hv-a only", async () => {
    const page = t.page;
    await removeNetwork(HOST, OVS);
    await ready(page);
    await startDeviceWizard(page, HOST, OVS, "bridge");
    await chooseBridge(page, "ovsbr0");
    await addPortgroup(page, "vlan10", "10", { default: true });
    await addPortgroup(page, "vlan20", "20");
    const review = await readReview(page);
    expect(review.xml).toContain('<virtualport type="openvswitch"/>');
    expect(review.xml).toMatch(/<portgroup name="vlan10" default="yes">\s*<vlan>\s*<tag id="10"\/>\s*<\/vlan>\s*<\/portgroup>/);
    expect(review.xml).toMatch(/<portgroup name="vlan20">\s*<vlan>\s*<tag id="20"\/>/);
    await finishAndLand(page, HOST, OVS);
    expect(await page.locator('dl[aria-label="Overview"]').innerText()).toMatch(/Open vSwitch ovsbr0, 2 portgroups/);

    const webMac = await attachToNetwork(page, HOST, "web1", OVS, "vlan10");
    attached.push({ vm: "web1", mac: webMac });
    const dbMac = await attachToNetwork(page, HOST, "db1", OVS, "vlan20");
    attached.push({ vm: "db1", mac: dbMac });
    const webPort = await targetOf(HOST, "web1", webMac);
    const dbPort = await targetOf(HOST, "db1", dbMac);
    expect(await ovsGet(HOST, ["port-to-br", webPort])).toBe("ovsbr0");
    expect(await ovsGet(HOST, ["get", "port", webPort, "tag"])).toBe("10");
    expect(await ovsGet(HOST, ["get", "port", dbPort, "tag"])).toBe("20");

    // The VM page says which portgroup and VLAN each NIC is on.
    await page.goto(`/hosts/${HOST}/vms/web1`);
    const row = page.locator(`tr[data-mac="${webMac}"]`);
    await row.waitFor({ timeout: 60_000 });
    expect(await row.innerText()).toMatch(/portgroup vlan10, VLAN 10/);

    // Over the LAN: hv-b's ovsbr0 and hv-a's share it through their ovs-lan uplinks (static addresses: no DHCP on VLANs).
    const a10 = await plugGuest(HOST, "ovsbr0", { vlanPort: "vlan10", static: "198.18.0.181/25" });
    const a20 = await plugGuest(HOST, "ovsbr0", { vlanPort: "vlan20", static: "198.18.0.182/25" });
    const b10 = await plugGuest("hv-b", "ovsbr0", { vlanPort: 10, static: "198.18.0.183/25" });
    try {
      expect(a10.vlan).toEqual({ tag: 10 });
      expect(a20.vlan).toEqual({ tag: 20 });
      expect((await b10.exec(["busybox", "ping", "-c", "2", "-W", "2", "198.18.0.181"])).code).toBe(0);
      expect((await b10.exec(["busybox", "ping", "-c", "2", "-W", "2", "198.18.0.182"])).code).not.toBe(0);
    } finally {
      await a10.remove();
      await a20.remove();
      await b10.remove();
    }
  });
});
