import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labExec, labVirsh } from "@/lab";
import { usePage } from "../support/browser";
import { ready } from "../networks/support";
import { restoreGuest } from "../interfaces/support";
import { edgeEl, nodeEl, openTopology } from "../topology/support";
import { ovsGet, removeNetwork, targetOf } from "./support";

// What an operator sees on hv-a's topology with one network of each device
// kind and web1 on each: bridged (br0), Open vSwitch (ovsbr0, web1 in the
// portgroup tagged 10) and macvtap bridge mode on the free NIC eth2. The
// networks and NICs are made with virsh here (the wizard and the Add NIC form
// have their own tests in this folder); the host is read back to be sure the
// drawing matches it.
const HOST = "hv-a";
const BR = "sy-topo-br";
const OVS = "sy-topo-ovs";
const MVT = "sy-topo-mvt";
const NETWORKS = [
  `<network><name>${BR}</name><forward mode='bridge'/><bridge name='br0'/></network>`,
  `<network><name>${OVS}</name><forward mode='bridge'/><bridge name='ovsbr0'/><virtualport type='openvswitch'/>` +
    `<portgroup name='vlan10' default='yes'><vlan><tag id='10'/></vlan></portgroup><portgroup name='vlan20'><vlan><tag id='20'/></vlan></portgroup></network>`,
  `<network><name>${MVT}</name><forward mode='bridge'><interface dev='eth2'/></forward></network>`,
];
const NICS = [
  { mac: "52:54:00:7e:70:01", source: `network='${BR}'` },
  { mac: "52:54:00:7e:70:02", source: `network='${OVS}' portgroup='vlan10'` },
  { mac: "52:54:00:7e:70:03", source: `network='${MVT}'` },
];
const [brMac, ovsMac, mvtMac] = NICS.map((n) => n.mac) as [string, string, string];

async function virsh(args: string[], stdin?: string) {
  const r = await labVirsh(HOST, args, stdin ? { stdin } : {});
  if (r.code !== 0) throw new Error(`virsh ${args.join(" ")}: ${r.stderr.trim()}`);
}

/** The NICs are live-only: a guest without an OS never acknowledges an unplug, so restoreGuest power-cycles web1. */
async function cleanUp() {
  await restoreGuest(HOST, "web1", NICS.map((n) => n.mac));
  for (const name of [BR, OVS, MVT]) await removeNetwork(HOST, name);
}

beforeAll(async () => {
  await cleanUp();
  for (const xml of NETWORKS) await virsh(["net-create", "/dev/stdin"], xml);
  for (const nic of NICS) {
    await virsh(["attach-device", "--live", "web1", "/dev/stdin"],
      `<interface type='network'><mac address='${nic.mac}'/><source ${nic.source}/><model type='virtio'/></interface>`);
  }
});
afterAll(cleanUp);

describe("hv-a's topology with device networks", () => {
  const t = usePage();

  it("draws bridged → br0 → eth1 → LAN, OVS with web1's port tagged VLAN 10, and macvtap → eth2 with web1's macvtap device", async () => {
    const page = t.page;
    // What the host has: web1's tap on br0, its OVS port tagged 10, its macvtap device on eth2 in bridge mode.
    const [brTap, ovsTap, macvtap] = await Promise.all([targetOf(HOST, "web1", brMac), targetOf(HOST, "web1", ovsMac), targetOf(HOST, "web1", mvtMac)]);
    const ports = JSON.parse((await labExec(HOST, ["bridge", "-j", "link"])).stdout) as { ifname: string; master?: string }[];
    expect(ports.find((p) => p.ifname === brTap)?.master).toBe("br0");
    expect(await ovsGet(HOST, ["get", "port", ovsTap, "tag"])).toBe("10");
    expect((await labExec(HOST, ["ip", "-d", "link", "show", macvtap])).stdout).toMatch(new RegExp(`${macvtap}@eth2:[\\s\\S]*macvtap mode bridge`));

    await ready(page);
    await openTopology(page, HOST);
    // Bridged: network → host bridge → its NIC → the LAN past it; web1's tap a port of br0.
    await edgeEl(page, BR, "br0", "Bridge").waitFor({ state: "attached", timeout: 30_000 });
    await edgeEl(page, "br0", "eth1").waitFor({ state: "attached" });
    await edgeEl(page, "eth1", "via eth1").waitFor({ state: "attached" });
    await expect(nodeEl(page, "LAN", "via eth1").getAttribute("data-state")).resolves.toBe("up");
    await edgeEl(page, "web1", brTap).waitFor({ state: "attached" });
    await edgeEl(page, brTap, "br0").waitFor({ state: "attached" });

    // Open vSwitch: one bridge node read from OVSDB (not a stray tap), web1's port tagged 10, the LAN uplink.
    expect(await nodeEl(page, "Bridge", "ovsbr0").innerText()).toContain("Open vSwitch");
    expect(await nodeEl(page, "VM interface", "ovsbr0").count()).toBe(0);
    await edgeEl(page, OVS, "ovsbr0", "Open vSwitch").waitFor({ state: "attached" });
    await edgeEl(page, ovsTap, "ovsbr0", "VLAN 10").waitFor({ state: "attached" });
    await edgeEl(page, "web1", ovsTap).waitFor({ state: "attached" });
    await edgeEl(page, "ovsbr0", "ovs-lan").waitFor({ state: "attached" });
    await edgeEl(page, "ovs-lan", "via ovs-lan").waitFor({ state: "attached" });

    // Macvtap: the pool → its NIC → the LAN; web1's macvtap device on that NIC.
    await edgeEl(page, MVT, "eth2", "macvtap bridge").waitFor({ state: "attached" });
    await edgeEl(page, macvtap, "eth2", "macvtap").waitFor({ state: "attached" });
    await edgeEl(page, "web1", macvtap).waitFor({ state: "attached" });
    await edgeEl(page, "eth2", "via eth2").waitFor({ state: "attached" });

    // The side panel says which portgroup and VLAN web1's OVS port is in.
    await nodeEl(page, "VM interface", ovsTap).click();
    const panel = page.getByRole("complementary", { name: "Node details" });
    await expect(panel.innerText()).resolves.toMatch(/Portgroup\s+vlan10[\s\S]*VLAN\s+10/);
  });
});
