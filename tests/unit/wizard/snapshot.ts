import type { HostSnapshot, SnapshotNetwork } from "@/lib/domain/host/snapshot";
import { parseNetworkXml } from "@/lib/domain/network";

// A small hand-made host: default (192.168.122.0/24 on virbr0), an uplink eth0
// with the default route, a host bridge br0 with its port eth1, a guest tap.

function network(name: string, uuid: string, xml: string, active = true): SnapshotNetwork {
  const parsed = parseNetworkXml(xml);
  return { uuid, name, active, autostart: true, persistent: true, xml, spec: parsed.ok ? parsed.spec : null, connections: 0, leases: [] };
}

export const DEFAULT_UUID = "a1b2c3d4-0000-4000-8000-000000000001";

export const SNAPSHOT: HostSnapshot = {
  takenAt: "2026-11-23T09:00:00.000Z",
  libvirt: {},
  networks: [
    network("default", DEFAULT_UUID, `<network><name>default</name><uuid>${DEFAULT_UUID}</uuid><forward mode='nat'/><bridge name='virbr0'/><ip address='192.168.122.1' netmask='255.255.255.0'><dhcp><range start='192.168.122.2' end='192.168.122.254'/></dhcp></ip></network>`),
  ],
  domains: [],
  links: [
    { ifname: "lo", ifindex: 1, up: true },
    { ifname: "eth0", ifindex: 2, up: true, kind: "veth" },
    { ifname: "br0", ifindex: 3, up: true, kind: "bridge" },
    { ifname: "eth1", ifindex: 4, up: true, master: "br0" },
    { ifname: "virbr0", ifindex: 5, up: true, kind: "bridge" },
    { ifname: "vnet0", ifindex: 6, up: true, kind: "tun", master: "virbr0" },
    { ifname: "eth2", ifindex: 7, up: true },
  ],
  bridgePorts: [],
  routes: [
    { family: "inet", dst: "default", gateway: "198.18.0.5", dev: "eth0" },
    { family: "inet", dst: "198.18.0.4/30", dev: "eth0", protocol: "kernel" },
    { family: "inet", dst: "192.168.122.0/24", dev: "virbr0", protocol: "kernel" },
    { family: "inet", dst: "10.9.0.0/16", dev: "eth2", type: "blackhole" },
  ],
  addresses: [
    { ifname: "eth0", family: "inet", local: "198.18.0.6", prefixlen: 30 },
    { ifname: "eth0", family: "inet6", local: "fe80::1", prefixlen: 64 },
    { ifname: "virbr0", family: "inet", local: "192.168.122.1", prefixlen: 24 },
  ],
  warnings: [],
};
