// What the validation rules need to know about the host, passed in as plain
// data. The domain layer never asks the host itself: the adapter gathers
// these facts (virsh, `ip -j addr`, `ip -j route`, `ip -j link`) and the
// browser receives them with the page, so the same rules run in both places.
import { parseCidr, networkCidr, type Cidr } from "../net/ip";
import { isLayer3 } from "./modes";
import type { NetworkSpec } from "./spec";

export type HostNetworkFact = {
  name: string;
  uuid?: string;
  active?: boolean;
  /** The network's own prefixes, e.g. "192.168.122.1/24" (host bits allowed). */
  subnets: string[];
  /** The bridge libvirt made for it (virbr0), so its addresses are not counted twice. */
  bridge?: string;
};

export type HostAddressFact = { ifname: string; cidr: string };
export type HostRouteFact = { dst: string; dev?: string; gateway?: string };

export type HostFacts = {
  /** Every libvirt network on the host, active or inactive. */
  networks: HostNetworkFact[];
  /** Every address on the host (`ip -j addr`), as address/prefix. */
  addresses: HostAddressFact[];
  /** The host's routes (`ip -j route`, `ip -6 -j route`); the default route is ignored. */
  routes: HostRouteFact[];
  /** Names of the host's interfaces (`ip -j link`). */
  interfaces: string[];
  /** Names of bridges that already exist on the host (libvirt's and others). */
  bridges: string[];
  /** Open vSwitch bridges (from ovs-vsctl), for bridge networks with `<virtualport type='openvswitch'/>`. */
  ovsBridges?: string[];
  /** Interfaces that are ports of a bridge (Linux or Open vSwitch), and which: macvtap refuses them (EBUSY). */
  bridgePorts?: { ifname: string; master: string }[];
  /** The interface the console's SSH session comes in by: taking it for macvtap or SR-IOV would cut the console off. */
  sshUplink?: string;
  /** NICs whose device offers SR-IOV virtual functions. */
  sriov?: { ifname: string; totalVfs: number }[];
};

export const EMPTY_FACTS: HostFacts = { networks: [], addresses: [], routes: [], interfaces: [], bridges: [] };

/** The network to leave out of uniqueness and overlap checks when editing it. */
export type SelfRef = { name?: string; uuid?: string; bridge?: string };

export function isSelf(n: { name: string; uuid?: string }, self?: SelfRef): boolean {
  if (!self) return false;
  if (self.uuid && n.uuid) return self.uuid.toLowerCase() === n.uuid.toLowerCase();
  return self.name === n.name;
}

/** A network fact from a parsed spec, for callers that list networks through this model. */
export function networkFact(spec: NetworkSpec, active?: boolean): HostNetworkFact {
  const subnets: string[] = [];
  let bridge: string | undefined;
  if (isLayer3(spec)) {
    for (const ip of [spec.ipv4, spec.ipv6]) if (ip) subnets.push(`${ip.address}/${ip.prefix}`);
    bridge = spec.bridge?.name;
  }
  return { name: spec.name, uuid: spec.uuid, active, subnets, bridge };
}

type IpAddrJson = { ifname?: string; addr_info?: { family?: string; local?: string; prefixlen?: number }[] }[];
type IpRouteJson = { dst?: string; dev?: string; gateway?: string; type?: string }[];
type IpLinkJson = { ifname?: string; linkinfo?: { info_kind?: string } }[];

/** Addresses from `ip -j addr` output (already JSON-parsed). */
export function addressesFromIpJson(json: IpAddrJson): HostAddressFact[] {
  return json.flatMap((link) =>
    (link.addr_info ?? [])
      .filter((a) => a.local && typeof a.prefixlen === "number" && (a.family === "inet" || a.family === "inet6"))
      .map((a) => ({ ifname: link.ifname ?? "", cidr: `${a.local}/${a.prefixlen}` })),
  );
}

/** Routes from `ip -j route` output; the default route and unparseable rows are dropped. */
export function routesFromIpJson(json: IpRouteJson): HostRouteFact[] {
  return json
    .filter((r) => r.dst && r.dst !== "default" && (r.type === undefined || r.type === "unicast"))
    .filter((r) => parseCidr(r.dst!, { bareIsHost: true }))
    .map((r) => ({ dst: r.dst!, dev: r.dev, gateway: r.gateway }));
}

/** Interface and bridge names from `ip -j link` output (`ip -j -d link` for bridge kinds). */
export function linksFromIpJson(json: IpLinkJson): { interfaces: string[]; bridges: string[] } {
  const interfaces = json.map((l) => l.ifname).filter((n): n is string => !!n);
  const bridges = json.filter((l) => l.linkinfo?.info_kind === "bridge").map((l) => l.ifname!).filter(Boolean);
  return { interfaces, bridges };
}

/** Network prefix of a fact entry, or null when it is not an address/prefix. */
export function factCidr(text: string): Cidr | null {
  const c = parseCidr(text, { bareIsHost: true });
  return c ? { ...c, address: networkCidr(c).split("/")[0]! } : null;
}
