import type { HostSnapshot, SnapshotDomain, SnapshotNetwork } from "../host/snapshot";
import type { NetworkSpec } from "../network/spec";
import type { DomainFact, ForwardMode, IpAddrEntry, IpLinkEntry, NetworkFact, TopologyFacts } from "./facts";

// The host reader's snapshot (lib/domain/host/snapshot.ts) already holds every
// fact the topology needs, slightly reshaped; this puts it back into the
// iproute2-like form the builder reads, so fixtures and live hosts agree.

function linkOf(l: HostSnapshot["links"][number]): IpLinkEntry {
  return {
    ifname: l.ifname,
    // The reader drops link_type; lo is the only loopback a host has.
    ...(l.ifname === "lo" ? { link_type: "loopback" } : {}),
    ...(l.operstate ? { operstate: l.operstate } : {}),
    flags: l.up ? ["UP"] : [],
    ...(l.mac ? { address: l.mac } : {}),
    ...(l.mtu ? { mtu: l.mtu } : {}),
    ...(l.master ? { master: l.master } : {}),
    ...(l.lower ? { link: l.lower } : {}),
    ...(l.kind ? { linkinfo: { info_kind: l.kind } } : {}),
  };
}

function addressesOf(snapshot: HostSnapshot): IpAddrEntry[] {
  const byIfname = new Map<string, IpAddrEntry>();
  for (const a of snapshot.addresses) {
    const entry = byIfname.get(a.ifname) ?? { ifname: a.ifname, addr_info: [] };
    entry.addr_info!.push({ family: a.family, local: a.local, prefixlen: a.prefixlen });
    byIfname.set(a.ifname, entry);
  }
  return [...byIfname.values()];
}

const cidr = (ip?: { address: string; prefix: number }) => (ip ? [`${ip.address}/${ip.prefix}`] : []);

function forwardOf(spec: NetworkSpec): Pick<NetworkFact, "bridge" | "forward" | "ipv4" | "ipv6"> {
  switch (spec.mode) {
    case "isolated":
    case "open":
    case "nat":
    case "route":
      return {
        bridge: spec.bridge?.name,
        forward: { mode: spec.mode, ...("dev" in spec && spec.dev ? { dev: spec.dev } : {}) },
        ipv4: cidr(spec.ipv4),
        ipv6: cidr(spec.ipv6),
      };
    case "bridge":
      return { bridge: spec.hostBridge, forward: { mode: "bridge" } };
    case "macvtap":
      return { forward: { mode: spec.macvtapMode, interfaces: spec.interfaces } };
    case "hostdev":
      return { forward: { mode: "hostdev" } };
  }
}

/** When the model could not read the XML, the bridge and mode are still worth drawing. */
function forwardFromXml(xml: string): Pick<NetworkFact, "bridge" | "forward"> {
  const mode = /<forward\b[^>]*\bmode=['"]([a-z]+)['"]/.exec(xml)?.[1] ?? (/<forward\b/.test(xml) ? "nat" : "isolated");
  const bridge = /<bridge\b[^>]*\bname=['"]([^'"]+)['"]/.exec(xml)?.[1];
  return { bridge, forward: { mode: mode as ForwardMode } };
}

function networkOf(n: SnapshotNetwork): NetworkFact {
  return { uuid: n.uuid, name: n.name, active: n.active, ...(n.spec ? forwardOf(n.spec) : forwardFromXml(n.xml)) };
}

function domainOf(d: SnapshotDomain): DomainFact {
  return {
    uuid: d.uuid,
    name: d.name,
    state: d.state === "shutoff" ? "shut off" : d.state,
    interfaces: d.interfaces.map((i) => ({
      type: i.type,
      source: { network: i.network, bridge: i.bridge, dev: i.sourceDev, mode: i.sourceMode },
      ...(i.target ? { target: i.target } : {}),
      ...(i.mac ? { mac: i.mac } : {}),
      ...(i.model ? { model: i.model } : {}),
      linkState: i.linkState,
      ips: i.ips,
    })),
  };
}

export function snapshotToTopologyFacts(snapshot: HostSnapshot): TopologyFacts {
  return {
    links: snapshot.links.map(linkOf),
    bridgeLinks: snapshot.bridgePorts.map((p) => ({ ifname: p.ifname, master: p.master, ...(p.state ? { state: p.state } : {}) })),
    routes: snapshot.routes.map((r) => ({ dst: r.dst, ...(r.dev ? { dev: r.dev } : {}), ...(r.gateway ? { gateway: r.gateway } : {}) })),
    addresses: addressesOf(snapshot),
    networks: snapshot.networks.map(networkOf),
    domains: snapshot.domains.map(domainOf),
  };
}
