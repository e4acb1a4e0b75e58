// What the topology builder reads, kept close to the raw sources so the host
// reader can fill it without interpretation: the iproute2 JSON entries as
// printed (only the fields we use are typed), plus libvirt's networks and
// domains already lifted out of their XML.

/** One entry of `ip -j -d link` (-d adds linkinfo, which tells a bridge from a tap). */
export type IpLinkEntry = {
  ifname: string;
  link_type?: string;
  /** The bridge (or bond) this link is enslaved to. */
  master?: string;
  operstate?: string;
  /** e.g. ["BROADCAST","UP","LOWER_UP"]: taps report operstate UNKNOWN, so UP here decides. */
  flags?: string[];
  address?: string;
  mtu?: number;
  /** For macvtap/vlan: the lower device, when it lives in the same namespace. */
  link?: string | null;
  linkinfo?: {
    info_kind?: string;
    info_slave_kind?: string;
    info_data?: { mode?: string };
  };
};

/** One entry of `bridge -j link`: a bridge port and its STP state. */
export type BridgeLinkEntry = { ifname: string; master?: string; state?: string };

/** One entry of `ip -j route`; `dst` is "default" for the default route. */
export type IpRouteEntry = { dst: string; dev?: string; gateway?: string; metric?: number };

/** One entry of `ip -j addr`. */
export type IpAddrEntry = {
  ifname: string;
  addr_info?: { family?: string; local?: string; prefixlen?: number }[];
};

/** libvirt's forward modes; no <forward> at all means isolated. */
export type ForwardMode = "isolated" | "nat" | "route" | "open" | "bridge" | "private" | "vepa" | "passthrough" | "hostdev";

export type NetworkFact = {
  uuid: string;
  name: string;
  active: boolean;
  /** <bridge name>: virbrN for layer-3 networks, an existing host bridge for mode='bridge'. */
  bridge?: string;
  forward: {
    mode: ForwardMode;
    /** <forward dev>: pins the uplink. */
    dev?: string;
    /** <forward><interface dev/>: the pool of a macvtap network. */
    interfaces?: string[];
  };
  /** address/prefix as configured, e.g. "192.168.122.1/24". */
  ipv4?: string[];
  ipv6?: string[];
};

export type DomainInterfaceFact = {
  type: "network" | "bridge" | "direct" | (string & {});
  source: { network?: string; bridge?: string; dev?: string; mode?: string };
  /** vnetN / macvtapN; only present while the domain runs. */
  target?: string;
  mac?: string;
  model?: string;
  /** `<link state='down'>` set on the guest's NIC: the cable is pulled even if the tap is up. */
  linkState?: "up" | "down";
  /** Addresses the guest holds, from DHCP leases. */
  ips?: string[];
};

export type DomainFact = {
  uuid: string;
  name: string;
  /** As virsh prints it: "running", "paused", "shut off", … */
  state: string;
  interfaces: DomainInterfaceFact[];
};

export type TopologyFacts = {
  links: IpLinkEntry[];
  bridgeLinks: BridgeLinkEntry[];
  routes: IpRouteEntry[];
  addresses: IpAddrEntry[];
  networks: NetworkFact[];
  domains: DomainFact[];
};

export const EMPTY_TOPOLOGY_FACTS: TopologyFacts = {
  links: [],
  bridgeLinks: [],
  routes: [],
  addresses: [],
  networks: [],
  domains: [],
};
