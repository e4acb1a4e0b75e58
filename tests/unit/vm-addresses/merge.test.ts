import { describe, expect, it } from "vitest";
import { mergeNicAddresses, neighboursFromJson, parseDomifaddr } from "@/lib/domain/host/snapshot-addresses";

const NEIGH = JSON.stringify([
  { dst: "192.168.122.10", dev: "virbr0", lladdr: "52:54:00:AA:00:01", state: ["REACHABLE"] },
  { dst: "fe80::5054:ff:feaa:1", dev: "virbr0", lladdr: "52:54:00:aa:00:01", state: ["STALE"] },
  { dst: "2001:db8::10", dev: "virbr0", lladdr: "52:54:00:aa:00:01", state: ["STALE"] },
  { dst: "198.18.0.170", dev: "br0", lladdr: "52:54:00:aa:00:02", state: ["REACHABLE"] },
  { dst: "198.18.0.171", dev: "br0", state: ["FAILED"] },
  { dst: "192.168.122.99", dev: "eth0", lladdr: "52:54:00:aa:00:01", state: ["STALE"] },
]);

const AGENT = `virsh #  Name       MAC address          Protocol     Address
-------------------------------------------------------------------------------
 lo         00:00:00:00:00:00    ipv4         127.0.0.1/8
 -          -                    ipv6         ::1/128
 eth0       52:54:00:aa:00:01    ipv4         192.168.122.10/24
 -          -                    ipv6         2001:db8::10/64
 eth1       52:54:00:aa:00:03    ipv4         10.1.2.3/24
`;

describe("every address of a VM NIC, with its sources", () => {
  const neighbours = neighboursFromJson(NEIGH);
  const agent = parseDomifaddr(AGENT);

  it("reads the neighbour table (skipping failed entries) and the agent's table (continuation rows included)", () => {
    expect(neighbours).toHaveLength(5);
    expect(agent.get("52:54:00:aa:00:01")).toEqual([{ ip: "192.168.122.10", prefix: 24 }, { ip: "2001:db8::10", prefix: 64 }]);
    expect(agent.get("00:00:00:00:00:00")).toEqual([{ ip: "127.0.0.1", prefix: 8 }, { ip: "::1", prefix: 128 }]);
    expect(neighboursFromJson("not json")).toEqual([]);
  });

  it("merges lease, ARP/NDP on the NIC's own bridge and the agent; link-local only when nothing else", () => {
    const leases = [{ mac: "52:54:00:aa:00:01", ip: "192.168.122.10", prefix: 24 }];
    expect(mergeNicAddresses({ mac: "52:54:00:aa:00:01", bridge: "virbr0" }, { leases, neighbours, agent })).toEqual([
      { ip: "192.168.122.10", prefix: 24, sources: ["lease", "arp", "agent"] },
      { ip: "2001:db8::10", prefix: 64, sources: ["ndp", "agent"] },
    ]);
    // A bridged guest with a static address: only the host's neighbour table knows it.
    expect(mergeNicAddresses({ mac: "52:54:00:aa:00:02", bridge: "br0" }, { leases: [], neighbours, agent: new Map() })).toEqual([{ ip: "198.18.0.170", sources: ["arp"] }]);
    // Only the agent (e.g. a macvtap NIC the host cannot see).
    expect(mergeNicAddresses({ mac: "52:54:00:aa:00:03" }, { leases: [], neighbours, agent })).toEqual([{ ip: "10.1.2.3", prefix: 24, sources: ["agent"] }]);
    const onlyLinkLocal = neighboursFromJson(JSON.stringify([{ dst: "fe80::1", dev: "virbr0", lladdr: "52:54:00:aa:00:09", state: ["STALE"] }]));
    expect(mergeNicAddresses({ mac: "52:54:00:AA:00:09", bridge: "virbr0" }, { leases: [], neighbours: onlyLinkLocal, agent: new Map() })).toEqual([{ ip: "fe80::1", sources: ["ndp"] }]);
    expect(mergeNicAddresses({ bridge: "virbr0" }, { leases, neighbours, agent })).toEqual([]);
  });
});

describe("a lease refresh applied to the page's snapshot", () => {
  it("replaces the refreshed networks' leases and re-merges every guest's addresses", async () => {
    const { refreshSnapshot } = await import("@/lib/domain/host/snapshot-addresses");
    const net = { uuid: "11111111-1111-1111-1111-111111111111", name: "n", active: true, autostart: false, persistent: true, xml: "", spec: null, connections: 1, leases: [] };
    const dom = {
      uuid: "22222222-2222-2222-2222-222222222222",
      name: "vm",
      state: "shutoff" as const,
      interfaces: [{ type: "network", network: "n", bridge: "br9", mac: "52:54:00:aa:00:05", linkState: "up" as const, ips: [] }],
    };
    const snapshot = { takenAt: "", libvirt: {}, networks: [net], domains: [dom], links: [], bridgePorts: [], routes: [], addresses: [], warnings: [] };
    const lease = { expiry: "2026-12-03 12:00:00", mac: "52:54:00:aa:00:05", family: "ipv4" as const, ip: "10.9.0.150", prefix: 24 };
    const next = refreshSnapshot(snapshot, {
      leases: { [net.uuid]: [lease] },
      neighbours: [{ ip: "10.9.0.150", dev: "br9", mac: "52:54:00:aa:00:05" }],
      agent: {},
    });
    expect(next.networks[0]!.leases).toEqual([lease]);
    expect(next.domains[0]!.interfaces[0]!.ips).toEqual(["10.9.0.150"]);
    expect(next.domains[0]!.interfaces[0]!.addresses).toEqual([{ ip: "10.9.0.150", prefix: 24, sources: ["lease", "arp"] }]);
    expect(snapshot.networks[0]!.leases).toEqual([]);
  });
});
