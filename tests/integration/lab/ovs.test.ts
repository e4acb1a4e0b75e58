// Open vSwitch on hv-a and hv-b: each host's own ovsdb-server and ovs-vswitchd (userspace
// datapath, no kernel module), reached by plain ovs-vsctl inside the host; VLAN-tagged
// traffic from the two hosts meets on the LAN, and tags keep VLANs apart. TCP crosses the
// userspace datapath too (not only ping), and libvirt plugs a guest into ovsbr0 itself.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { labExec, labRoot, labVirsh, plugGuest, type Guest } from "@/lab";

const guests: Guest[] = [];
afterAll(async () => {
  for (const g of guests) await g.remove();
  await labVirsh("hv-a", ["destroy", NET_GUEST]);
  await labVirsh("hv-a", ["undefine", NET_GUEST]);
  await labVirsh("hv-a", ["net-destroy", OVS_NET]);
  await labVirsh("hv-a", ["net-undefine", OVS_NET]);
});

const OVS_NET = "sy-lab-test-ovs";
const NET_GUEST = "sy-lab-test-ovs-guest";

async function plug(host: string, vlanPort: number | string, ip: string): Promise<Guest> {
  const g = await plugGuest(host, "ovsbr0", { vlanPort, static: `${ip}/24` });
  guests.push(g);
  return g;
}
const pings = async (from: Guest, to: string) => (await from.exec(["busybox", "ping", "-c", "1", "-W", "2", to])).code === 0;
/** Waits until something in GUEST listens on PORT (a server just spawned may not yet). */
async function listening(guest: Guest, port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await guest.exec(["ss", "-Htln", `sport = :${port}`])).stdout.trim()) {
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port} in ${guest.netns}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const portTag = async (host: string, port: string) => (await labExec(host, ["ovs-vsctl", "get", "port", port, "tag"])).stdout.trim();

describe.each(["hv-a", "hv-b"])("Open vSwitch on %s", (host) => {
  it("runs its own daemons from pidfiles under .lab/, and plain ovs-vsctl reaches them", async () => {
    const run = path.join(labRoot(), ".lab", host, "ovs", "run");
    for (const daemon of ["ovsdb-server", "ovs-vswitchd"]) {
      const pid = readFileSync(path.join(run, `${daemon}.pid`), "utf8").trim();
      expect(readFileSync(`/proc/${pid}/comm`, "utf8").trim()).toBe(daemon);
      expect(existsSync(path.join(labRoot(), ".lab", host, "ovs", "log", `${daemon}.log`))).toBe(true);
    }
    // The host's database socket sits at the default path inside its mount namespace.
    expect((await labExec(host, ["test", "-S", "/run/openvswitch/db.sock"])).code).toBe(0);
    const show = await labExec(host, ["ovs-vsctl", "show"]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/Bridge ovsbr0\s+datapath_type: netdev/);
    expect(show.stdout).toMatch(/Port ovs-lan\s/);
    expect(await labExec(host, ["ovs-vsctl", "get", "bridge", "ovsbr0", "datapath_type"])).toMatchObject({ stdout: "netdev\n" });
  });
});

describe("VLANs across hosts", () => {
  it("tag 10 on hv-a and hv-b reach each other (ping and TCP); tag 20 reaches neither", async () => {
    const [a10, b10, a20] = await Promise.all([plug("hv-a", 10, "10.210.0.1"), plug("hv-b", "10", "10.210.0.2"), plug("hv-a", 20, "10.210.0.3")]);
    expect(await portTag("hv-a", a10.port)).toBe("10");
    expect(await portTag("hv-b", b10.port)).toBe("10");
    expect(await portTag("hv-a", a20.port)).toBe("20");

    expect(await pings(a10, "10.210.0.2")).toBe(true);
    expect(await pings(b10, "10.210.0.1")).toBe(true);
    expect(await pings(a20, "10.210.0.1")).toBe(false);
    expect(await pings(a20, "10.210.0.2")).toBe(false);

    // The frames crossed the LAN tagged: hv-a's userspace datapath pushed VLAN 10 on the
    // way to its LAN uplink, and hv-b's popped it.
    const flowsA = await labExec("hv-a", ["ovs-appctl", "dpctl/dump-flows"]);
    expect(flowsA.stdout).toMatch(/push_vlan\(vid=10/);
    const flowsB = await labExec("hv-b", ["ovs-appctl", "dpctl/dump-flows"]);
    expect(flowsB.stdout).toMatch(/eth_type\(0x8100\),vlan\(vid=10[^)]*\).*actions:.*pop_vlan/);

    // TCP across both userspace datapaths: a busybox nc server on hv-b's guest answers.
    const server = b10.exec(["busybox", "nc", "-l", "-p", "7010", "-e", "echo", "tcp-through-ovs"], 20_000);
    await listening(b10, 7010);
    const client = await a10.exec(["busybox", "nc", "-w", "5", "10.210.0.2", "7010"], 15_000);
    expect(client.stdout.trim()).toBe("tcp-through-ovs");
    await server;

    // Bulk TCP (full-size and offloaded segments, not just one packet): 20 MiB arrive whole.
    const bulk = b10.exec(["busybox", "nc", "-l", "-p", "7011", "-e", "dd", "if=/dev/zero", "bs=1M", "count=20"], 30_000);
    await listening(b10, 7011);
    const received = await a10.exec(["sh", "-c", "busybox nc 10.210.0.2 7011 </dev/null | wc -c"], 30_000);
    expect(received.stdout.trim()).toBe(String(20 * 1024 * 1024));
    await bulk;
  });

  it("libvirt plugs a guest into ovsbr0 on a portgroup's VLAN, and a probe can join it by portgroup name", async () => {
    await labVirsh("hv-a", ["net-destroy", OVS_NET]);
    await labVirsh("hv-a", ["net-undefine", OVS_NET]);
    const def = await labVirsh("hv-a", ["net-define", "/dev/stdin"], {
      stdin: `<network><name>${OVS_NET}</name><forward mode='bridge'/><bridge name='ovsbr0'/><virtualport type='openvswitch'/>
        <portgroup name='vlan10'><vlan><tag id='10'/></vlan></portgroup></network>`,
    });
    expect(def.code, def.stderr).toBe(0);
    expect((await labVirsh("hv-a", ["net-start", OVS_NET])).code).toBe(0);
    const dom = await labVirsh("hv-a", ["define", "/dev/stdin"], {
      stdin: `<domain type='qemu'><name>${NET_GUEST}</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>
        <os><type arch='x86_64' machine='pc'>hvm</type></os><features><acpi/></features>
        <devices><interface type='network'><source network='${OVS_NET}' portgroup='vlan10'/><model type='virtio'/><rom enabled='no'/></interface></devices></domain>`,
    });
    expect(dom.code, dom.stderr).toBe(0);
    const start = await labVirsh("hv-a", ["start", NET_GUEST], { timeoutMs: 120_000 });
    expect(start.code, start.stderr).toBe(0);
    const tap = (await labVirsh("hv-a", ["domiflist", NET_GUEST])).stdout.match(/^\s*(vnet\d+)\s/m)?.[1];
    expect(tap).toBeDefined();
    expect((await labExec("hv-a", ["ovs-vsctl", "port-to-br", tap!])).stdout.trim()).toBe("ovsbr0");
    expect(await portTag("hv-a", tap!)).toBe("10");

    const byGroup = await plugGuest("hv-a", "ovsbr0", { vlanPort: "vlan10", static: "10.210.1.1/24" });
    guests.push(byGroup);
    expect(byGroup.vlan).toEqual({ tag: 10 });
    expect(await portTag("hv-a", byGroup.port)).toBe("10");
  });

  it("a probe's OVS port goes away with it", async () => {
    const g = await plugGuest("hv-b", "ovsbr0", { vlanPort: 30, static: "10.210.2.1/24" });
    expect((await labExec("hv-b", ["ovs-vsctl", "list-ports", "ovsbr0"])).stdout.split("\n")).toContain(g.port);
    await g.remove();
    expect((await labExec("hv-b", ["ovs-vsctl", "list-ports", "ovsbr0"])).stdout.split("\n")).not.toContain(g.port);
  });

  it("refuses --vlan-port on a Linux bridge and a tag out of range", async () => {
    await expect(plugGuest("hv-a", "br0", { vlanPort: 10 })).rejects.toThrow(/needs an Open vSwitch bridge/);
    await expect(plugGuest("hv-a", "ovsbr0", { vlanPort: 4095 })).rejects.toThrow(/1–4094/);
    await expect(plugGuest("hv-a", "ovsbr0", { vlanPort: "no-such-group" })).rejects.toThrow(/no network on hv-a with bridge ovsbr0 has a portgroup/);
  });
});
