// The network model: what Switchyard knows about a libvirt virtual network.
//
// A discriminated union on `mode`, the forward mode, because the modes carry
// different things: a NAT network may name an uplink device and NAT ranges,
// an open network may not name a device at all (libvirt refuses one), and a
// bridge network has no addresses of its own. Each property maps to one XML
// element or attribute, and an absent property means an absent element, so
// build and parse are exact inverses. What each mode means elsewhere (its
// label, kind, bridge, wizard form, topology role) is in ./modes.ts.
import type { PortForwardRule } from "./port-forward";

/** libvirt's names for macvtap's own modes (`<forward mode='private'>` etc.). */
export const MACVTAP_MODES = ["bridge", "private", "vepa", "passthrough"] as const;
export type MacvtapMode = (typeof MACVTAP_MODES)[number];

export type DhcpRange = { start: string; end: string };

/** A reservation. IPv4 hosts are keyed by MAC; IPv6 hosts by DUID (`id`) or name. */
export type DhcpHost = { mac?: string; id?: string; name?: string; ip: string };

/** `<dhcp>`: present means the element is written, even with no ranges (hosts only). */
export type Dhcp = { ranges: DhcpRange[]; hosts: DhcpHost[] };

/** `<route>`: traffic for address/prefix goes via a gateway inside this network. */
export type StaticRoute = { address: string; prefix: number; gateway: string; metric?: number };

/** One `<ip>` element: the host's address on the bridge (the guests' gateway) and its prefix. */
export type IpConfig = {
  address: string;
  prefix: number;
  dhcp?: Dhcp;
  /** `<route>` elements of this family (written after the `<ip>` elements). */
  routes: StaticRoute[];
  localPtr?: boolean;
};

export type DnsHost = { ip: string; hostnames: string[] };
/** `<forwarder addr domain>`: either or both; `addr` alone is an upstream server. */
export type DnsForwarder = { addr?: string; domain?: string };
export type Dns = {
  enable?: boolean;
  forwardPlainNames?: boolean;
  forwarders: DnsForwarder[];
  hosts: DnsHost[];
};
/** `register` is newer than libvirt 9.0, whose schema refuses it; carried so newer hosts parse without loss. */
export type DomainConfig = { name: string; localOnly?: boolean; register?: boolean };

/** `<bridge>` for modes where libvirt makes the bridge (name is usually virbrN, chosen by libvirt). */
export type BridgeConfig = {
  name?: string;
  stp?: boolean;
  delay?: number;
  macTableManager?: "kernel" | "libvirt";
  zone?: string;
};

/** `<nat>` inside `<forward mode='nat'>`: SNAT address and port ranges, and IPv6 NAT. */
export type NatConfig = {
  addressStart?: string;
  addressEnd?: string;
  portStart?: number;
  portEnd?: number;
  ipv6?: boolean;
};

type Common = {
  name: string;
  uuid?: string;
};

/** What networks with their own subnet (isolated, nat, route, open) share. */
type Layer3 = Common & {
  bridge?: BridgeConfig;
  mtu?: number;
  mac?: string;
  domain?: DomainConfig;
  dns?: Dns;
  ipv4?: IpConfig;
  ipv6?: IpConfig;
  /** `<network ipv6='yes'>`: guest-to-guest IPv6 even without an IPv6 address. */
  ipv6Internal?: boolean;
  /** Switchyard's port forwards (NAT networks), kept in `<metadata>`; see ./port-forward.ts. */
  portForwards?: PortForwardRule[];
};

export type IsolatedNetwork = Layer3 & { mode: "isolated" };
export type NatNetwork = Layer3 & { mode: "nat"; dev?: string; nat?: NatConfig };
export type RoutedNetwork = Layer3 & { mode: "route"; dev?: string };
/** Open: libvirt adds no firewall rules and refuses a forward device. */
export type OpenNetwork = Layer3 & { mode: "open" };

/** `<vlan>` of a portgroup: one tag is an access VLAN; `trunk` (or several tags) a trunk of them. */
export type PortgroupVlan = { trunk?: boolean; tags: number[] };
/** `<portgroup name default>`: a named port profile guests pick (`<source portgroup>`); on Open vSwitch, its VLAN. */
export type Portgroup = { name: string; default?: boolean; vlan?: PortgroupVlan };

/**
 * Guests join an existing host bridge (`<bridge name='br0'/>`); no addresses,
 * DHCP, DNS or MTU (libvirt refuses them). An Open vSwitch bridge carries
 * `<virtualport type='openvswitch'/>` and may have VLAN portgroups.
 */
export type BridgeNetwork = Common & { mode: "bridge"; hostBridge: string; virtualport?: "openvswitch"; portgroups?: Portgroup[] };
/** Guests get macvtap devices on one of the listed host interfaces. */
export type MacvtapNetwork = Common & { mode: "macvtap"; macvtapMode: MacvtapMode; interfaces: string[] };
/** A pool of SR-IOV virtual functions of the physical function `pf`. */
export type HostdevNetwork = Common & { mode: "hostdev"; pf: string; managed?: boolean };

export type Layer3Network = IsolatedNetwork | NatNetwork | RoutedNetwork | OpenNetwork;
export type DeviceNetwork = BridgeNetwork | MacvtapNetwork | HostdevNetwork;
export type NetworkSpec = Layer3Network | DeviceNetwork;

/** Exhaustiveness guard: a new mode that is not handled fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`unhandled network mode: ${JSON.stringify(value)}`);
}
