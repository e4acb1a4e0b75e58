import type { DomainFact, ForwardMode, IpLinkEntry, NetworkFact, TopologyFacts } from "./facts";

// A made-up large host for the scale requirement (50 networks, 500 VM
// interfaces), shaped like real `ip -j -d link` / libvirt facts so the
// builder takes the same paths as on a real host. Used by tests and the bench.

const MODES: ForwardMode[] = ["nat", "nat", "nat", "route", "isolated", "open"];
const hex = (n: number) => n.toString(16).padStart(2, "0");

export function syntheticFacts(networkCount = 50, interfaceCount = 500, interfacesPerVm = 2): TopologyFacts {
  const up = { operstate: "UP", flags: ["BROADCAST", "MULTICAST", "UP", "LOWER_UP"] };
  const links: IpLinkEntry[] = [
    { ifname: "lo", link_type: "loopback", operstate: "UNKNOWN" },
    { ifname: "eth0", link_type: "ether", ...up },
    { ifname: "eth1", link_type: "ether", master: "br0", ...up },
    { ifname: "br0", link_type: "ether", linkinfo: { info_kind: "bridge" }, ...up },
  ];
  const networks: NetworkFact[] = [];
  for (let i = 0; i < networkCount; i++) {
    const bridge = `virbr${i}`;
    networks.push({
      uuid: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      name: `net${i}`,
      active: true,
      bridge,
      forward: { mode: MODES[i % MODES.length]! },
      ipv4: [`10.${100 + Math.floor(i / 250)}.${i % 250}.1/24`],
    });
    links.push({ ifname: bridge, link_type: "ether", linkinfo: { info_kind: "bridge" }, ...up });
  }
  const domains: DomainFact[] = [];
  for (let t = 0; t < interfaceCount; t++) {
    const vm = Math.floor(t / interfacesPerVm);
    if (!domains[vm]) domains[vm] = { uuid: `11111111-0000-4000-8000-${String(vm).padStart(12, "0")}`, name: `vm${vm}`, state: "running", interfaces: [] };
    const net = t % networkCount;
    const target = `vnet${t}`;
    domains[vm]!.interfaces.push({
      type: "network",
      source: { network: `net${net}` },
      target,
      mac: `52:54:00:${hex((t >> 16) & 255)}:${hex((t >> 8) & 255)}:${hex(t & 255)}`,
      model: "virtio",
    });
    links.push({ ifname: target, link_type: "ether", master: `virbr${net}`, operstate: "UNKNOWN", flags: up.flags, linkinfo: { info_kind: "tun" } });
  }
  return {
    links,
    bridgeLinks: links.filter((l) => l.master).map((l) => ({ ifname: l.ifname, master: l.master, state: "forwarding" })),
    routes: [{ dst: "default", gateway: "192.0.2.1", dev: "eth0" }],
    addresses: [{ ifname: "eth0", addr_info: [{ family: "inet", local: "192.0.2.10", prefixlen: 24 }] }],
    networks,
    domains,
  };
}
