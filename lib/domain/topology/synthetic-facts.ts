import type { HostLink, SnapshotDomain, SnapshotNetwork } from "../host/snapshot";
import type { RoutedMode } from "../network/modes";
import type { TopologyFacts } from "./facts";

// A made-up large host for the scale requirement (50 networks, 500 VM
// interfaces), shaped like the host reader's snapshot of a real host so the
// builder takes the same paths as on one. Used by tests and the bench.

const MODES: RoutedMode[] = ["nat", "nat", "nat", "route", "isolated", "open"];
const hex = (n: number) => n.toString(16).padStart(2, "0");

export function syntheticFacts(networkCount = 50, interfaceCount = 500, interfacesPerVm = 2): TopologyFacts {
  const up = { operstate: "UP", up: true };
  let ifindex = 0;
  const link = (l: Omit<HostLink, "ifindex">): HostLink => ({ ifindex: ++ifindex, ...l });
  const links: HostLink[] = [
    link({ ifname: "lo", operstate: "UNKNOWN", up: true }),
    link({ ifname: "eth0", ...up }),
    link({ ifname: "eth1", master: "br0", ...up }),
    link({ ifname: "br0", kind: "bridge", ...up }),
  ];
  const networks: SnapshotNetwork[] = [];
  for (let i = 0; i < networkCount; i++) {
    const bridge = `virbr${i}`;
    const uuid = `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
    const name = `net${i}`;
    const ipv4 = { address: `10.${100 + Math.floor(i / 250)}.${i % 250}.1`, prefix: 24, routes: [] };
    networks.push({
      uuid, name, active: true, autostart: true, persistent: true, xml: "", connections: 0, leases: [],
      spec: { mode: MODES[i % MODES.length]!, name, uuid, bridge: { name: bridge }, ipv4 },
    });
    links.push(link({ ifname: bridge, kind: "bridge", ...up }));
  }
  const domains: SnapshotDomain[] = [];
  for (let t = 0; t < interfaceCount; t++) {
    const vm = Math.floor(t / interfacesPerVm);
    if (!domains[vm]) domains[vm] = { uuid: `11111111-0000-4000-8000-${String(vm).padStart(12, "0")}`, name: `vm${vm}`, state: "running", interfaces: [] };
    const net = t % networkCount;
    const target = `vnet${t}`;
    domains[vm]!.interfaces.push({
      type: "network",
      network: `net${net}`,
      target,
      mac: `52:54:00:${hex((t >> 16) & 255)}:${hex((t >> 8) & 255)}:${hex(t & 255)}`,
      model: "virtio",
      linkState: "up",
      ips: [],
    });
    links.push(link({ ifname: target, master: `virbr${net}`, operstate: "UNKNOWN", up: true, kind: "tun" }));
  }
  return {
    links,
    bridgePorts: links.filter((l) => l.master).map((l) => ({ ifname: l.ifname, master: l.master!, state: "forwarding" })),
    routes: [{ family: "inet", dst: "default", gateway: "192.0.2.1", dev: "eth0" }],
    addresses: [{ ifname: "eth0", family: "inet", local: "192.0.2.10", prefixlen: 24 }],
    networks,
    domains,
  };
}
