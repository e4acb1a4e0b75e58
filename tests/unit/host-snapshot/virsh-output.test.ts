import { describe, expect, it } from "vitest";
import { parseLeases } from "@/lib/domain/host/snapshot-virsh";
import { attachedVms } from "@/lib/domain/host/snapshot-vms";
import type { SnapshotDomain, SnapshotNetwork } from "@/lib/domain/host/snapshot";

describe("net-dhcp-leases", () => {
  it("reads rows, keeps hostnames, drops '-' and headers", () => {
    const body = ` Expiry Time           MAC address         Protocol   IP address           Hostname   Client ID or DUID
-----------------------------------------------------------------------------------------------------------
 2026-11-23 10:01:48   4E:D8:5A:E5:F3:8C   ipv4       192.168.122.31/24    web1       01:4e:d8:5a:e5:f3:8c
 2026-11-23 10:02:08   56:26:f0:8f:a9:90   ipv6       fd00::5/64           -          00:04:aa
`;
    expect(parseLeases(body)).toEqual([
      { expiry: "2026-11-23 10:01:48", mac: "4e:d8:5a:e5:f3:8c", family: "ipv4", ip: "192.168.122.31", prefix: 24, hostname: "web1" },
      { expiry: "2026-11-23 10:02:08", mac: "56:26:f0:8f:a9:90", family: "ipv6", ip: "fd00::5", prefix: 64 },
    ]);
  });
});

describe("attached VMs", () => {
  const net = { name: "lan", uuid: "u", spec: { mode: "nat", name: "lan", bridge: { name: "virbr9" } } } as unknown as SnapshotNetwork;
  const vm = (name: string, nic: Partial<SnapshotDomain["interfaces"][number]>): SnapshotDomain => ({
    uuid: name, name, state: "running", interfaces: [{ type: "network", linkState: "up", ips: [], ...nic }],
  });

  it("joins by the network name in the guest's XML, and by its bridge for type=bridge NICs", () => {
    const domains = [vm("a", { network: "lan" }), vm("b", { network: "other" }), vm("c", { type: "bridge", bridge: "virbr9" })];
    expect(attachedVms({ domains }, net).map((x) => x.domain.name)).toEqual(["a", "c"]);
  });
});
