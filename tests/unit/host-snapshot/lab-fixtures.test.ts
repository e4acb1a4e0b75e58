import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSnapshotOutput } from "@/lib/domain/host/snapshot-parse";
import { attachedDomains, findNetworkByName } from "@/lib/domain/host/snapshot-vms";
import { parseNetworkXml } from "@/lib/domain/network";

// Real output of the snapshot script on the lab (see capture-fixtures.ts),
// checked against `virsh net-dumpxml` captured at the same moment.
const NONCE = "0123456789abcdef0123456789abcdef";
const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");
const read = (host: string) => parseSnapshotOutput(fixture(`${host}.out`), NONCE);
const dumps = (host: string) => JSON.parse(fixture(`${host}.dumpxml.json`)) as Record<string, string>;

describe.each(["hv-a", "hv-b"])("snapshot of %s", (host) => {
  const { snapshot, virsh, complete } = read(host);

  it("is complete, and virsh exited cleanly", () => {
    expect(complete).toBe(true);
    expect(virsh).toMatchObject({ ran: true, exitCode: 0, complete: true });
    expect(snapshot.warnings).toEqual([]);
  });

  it("has exactly the networks net-list --all printed, each with the XML net-dumpxml gives", () => {
    const expected = dumps(host);
    expect(snapshot.networks.map((n) => n.uuid).sort()).toEqual(Object.keys(expected).sort());
    for (const network of snapshot.networks) {
      expect(network.xml).toBe(expected[network.uuid]!.trim());
      const model = parseNetworkXml(expected[network.uuid]!);
      expect(model.ok && model.spec.name).toBe(network.name);
      expect(network.spec).not.toBeNull();
    }
  });

  it("reads default as an active, autostarted, persistent NAT network with both guests on virbr0", () => {
    const def = findNetworkByName(snapshot, "default")!;
    expect(def).toMatchObject({ active: true, autostart: true, persistent: true, connections: 2 });
    expect(def.spec).toMatchObject({ mode: "nat", bridge: { name: "virbr0" }, ipv4: { address: "192.168.122.1", prefix: 24 } });
    expect(attachedDomains(snapshot, def).map((d) => [d.name, d.state])).toEqual([["db1", "running"], ["web1", "running"]]);
  });

  it("reads each guest's NIC from its live XML: network, MAC, model, tap", () => {
    for (const domain of snapshot.domains) {
      const [nic] = domain.interfaces;
      expect(nic).toMatchObject({ type: "network", network: "default", bridge: "virbr0", model: "virtio", linkState: "up" });
      expect(nic!.mac).toMatch(/^52:54:00(:[0-9a-f]{2}){3}$/);
      expect(nic!.target).toMatch(/^vnet\d+$/);
      const port = snapshot.bridgePorts.find((p) => p.ifname === nic!.target);
      expect(port?.master).toBe("virbr0");
    }
  });

  it("reads the kernel side: the bridge, its route and its address", () => {
    expect(snapshot.links.find((l) => l.ifname === "virbr0")).toMatchObject({ kind: "bridge", up: true });
    expect(snapshot.routes).toContainEqual(expect.objectContaining({ family: "inet", dst: "192.168.122.0/24", dev: "virbr0" }));
    expect(snapshot.addresses).toContainEqual(expect.objectContaining({ ifname: "virbr0", local: "192.168.122.1", prefixlen: 24 }));
    expect(snapshot.routes.some((r) => r.dst === "default")).toBe(true);
  });

  it("reads bridge ports with their STP state, and routes of the main table in both families", () => {
    for (const port of snapshot.bridgePorts) expect(port).toMatchObject({ master: expect.stringMatching(/^(virbr0|br0)$/), state: "forwarding" });
    expect(snapshot.bridgePorts.map((p) => p.ifname)).toContain("eth1");
    expect(snapshot.routes.filter((r) => r.family === "inet6").map((r) => r.dst)).toContain("fe80::/64");
    // The local table (127.0.0.1, broadcast addresses) is not a route an operator set.
    expect(snapshot.routes.some((r) => r.type === "local" || r.type === "broadcast" || r.dst === "127.0.0.1")).toBe(false);
    expect(snapshot.routes.filter((r) => r.family === "inet").every((r) => !r.dst.includes(":"))).toBe(true);
  });

  it("reads the same from the warm read (one virsh, UUIDs given) as from the cold one", () => {
    const warm = parseSnapshotOutput(fixture(`${host}.warm.out`), NONCE);
    expect(warm.complete && warm.virsh.complete).toBe(true);
    expect(warm.unread).toEqual([]);
    expect(warm.listed).toEqual(read(host).listed);
    expect(warm.snapshot).toEqual({ ...snapshot, takenAt: warm.snapshot.takenAt });
  });

  it("lists what a warm read would need to ask for, and a cold read leaves nothing unread", () => {
    const { listed, unread } = read(host);
    expect(unread).toEqual([]);
    expect(listed.networks.sort()).toEqual(snapshot.networks.map((n) => n.uuid).sort());
    expect(listed.activeNetworks.sort()).toEqual(snapshot.networks.filter((n) => n.active).map((n) => n.uuid).sort());
    expect(listed.domains.sort()).toEqual(snapshot.domains.map((d) => d.uuid).sort());
  });
});

describe("hostile names (hv-b fixture)", () => {
  const { snapshot } = read("hv-b");

  it("keeps names with markup, quotes, ampersands and spaces exactly", () => {
    const names = snapshot.networks.map((n) => n.name);
    expect(names).toContain("<img src=x onerror=alert(1)>");
    expect(names).toContain(`sy-net it's "quoted" & spaced`);
  });

  it("reads the inactive staging network as defined but not running", () => {
    expect(findNetworkByName(snapshot, "staging")).toMatchObject({ active: false, autostart: false, persistent: true, leases: [] });
  });
});

describe("leases (hv-a fixture)", () => {
  it("reads net-dhcp-leases rows and gives guests their IPs by MAC", () => {
    const def = findNetworkByName(read("hv-a").snapshot, "default")!;
    for (const lease of def.leases) {
      expect(lease.mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
      expect(lease.ip.startsWith("192.168.122.")).toBe(true);
      expect(lease).toMatchObject({ family: "ipv4", prefix: 24 });
    }
  });
});
