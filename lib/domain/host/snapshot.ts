// One host, as read in one SSH round trip: libvirt's networks and guests plus
// the kernel's links, bridge ports, routes and addresses. Pure data, so the
// network pages, the topology builder and the validation rules can all read
// the same snapshot, in the server or in the browser.
import type { NetworkSpec } from "../network/spec";
import type { NicAddress } from "./snapshot-addresses";
import type { OvsState, SriovNic } from "./snapshot-ovs";

export type DhcpLease = {
  /** As virsh prints it, host local time: "2026-11-23 09:49:09". */
  expiry: string;
  mac: string;
  family: "ipv4" | "ipv6";
  ip: string;
  prefix: number;
  /** Absent when the client sent none ("-"). */
  hostname?: string;
};

export type SnapshotNetwork = {
  uuid: string;
  name: string;
  active: boolean;
  autostart: boolean;
  persistent: boolean;
  /** `net-dumpxml` as the host returned it: the live definition when active. */
  xml: string;
  /** The model's reading of the XML; null when it could not read it (see parseError). */
  spec: NetworkSpec | null;
  parseError?: string;
  /** `<network connections='N'>`: interfaces libvirt has plugged in right now. */
  connections: number;
  /** Current leases (active networks only). */
  leases: DhcpLease[];
};

export const DOMAIN_STATES = ["running", "paused", "shutoff", "other"] as const;
export type DomainState = (typeof DOMAIN_STATES)[number];

export type VmInterface = {
  /** `<interface type>`: network, bridge, direct (macvtap), user, ethernet, … */
  type: string;
  /** `<source network>`: the libvirt network's name, as the guest's XML refers to it. */
  network?: string;
  /** `<source bridge>`: for type=bridge, or the live bridge of a type=network NIC. */
  bridge?: string;
  /** `<source dev>` and mode: the host NIC of a macvtap (type=direct) interface. */
  sourceDev?: string;
  sourceMode?: string;
  mac?: string;
  model?: string;
  /** `<target dev>`: the tap or macvtap device, only while the guest runs. */
  target?: string;
  /** `<source portgroup>`: the network's portgroup the NIC is in (live XML names the default one too). */
  portgroup?: string;
  /** The VLAN tags of its port (`<vlan>` in live XML, from its portgroup), e.g. "10" or "trunk 10,20". */
  vlan?: string;
  /** `<link state>`; libvirt omits it when the link is up. */
  linkState: "up" | "down";
  /** Addresses from the networks' DHCP leases for this MAC. */
  ips: string[];
  /** Every address known for this NIC (leases, neighbour table, guest agent), with its sources. */
  addresses?: NicAddress[];
};

export type SnapshotDomain = {
  uuid: string;
  name: string;
  state: DomainState;
  interfaces: VmInterface[];
};

/** `ip -d -j link`, reduced to what the pages and the topology use. */
export type HostLink = {
  ifname: string;
  ifindex: number;
  mtu?: number;
  operstate?: string;
  /** The link's UP flag (administratively up). */
  up: boolean;
  mac?: string;
  /** The bridge (or bond) this link is a port of. */
  master?: string;
  /** `linkinfo.info_kind`: bridge, tun, veth, macvtap, …; absent for plain NICs. */
  kind?: string;
  /** The lower device of a macvtap/vlan (`link` in ip's JSON). */
  lower?: string;
};

/** One port of a bridge, with its STP state (from the port's linkinfo in `ip -d -j link`). */
export type BridgePort = { ifname: string; master: string; state?: string };

export type HostRoute = {
  family: "inet" | "inet6";
  /** "default" or a prefix such as "10.0.0.0/24" (a bare address is a /32 or /128). */
  dst: string;
  gateway?: string;
  dev?: string;
  protocol?: string;
  type?: string;
  /** Lower wins; `ip -j route` omits it when it is 0. */
  metric?: number;
};

export type HostAddress = { ifname: string; family: "inet" | "inet6"; local: string; prefixlen: number; scope?: string };

export type LibvirtVersions = { library?: string; daemon?: string; hypervisor?: string };

export type HostSnapshot = {
  /** ISO time the snapshot was parsed. */
  takenAt: string;
  libvirt: LibvirtVersions;
  networks: SnapshotNetwork[];
  domains: SnapshotDomain[];
  links: HostLink[];
  bridgePorts: BridgePort[];
  routes: HostRoute[];
  addresses: HostAddress[];
  /** Open vSwitch bridges, ports, tags and bonds; absent when the host has no OVS database (or the read was not full). */
  ovs?: OvsState;
  /** NICs whose device offers SR-IOV virtual functions (full reads only). */
  sriov?: SriovNic[];
  /** Things that could not be read, in words; the rest of the snapshot still holds. */
  warnings: string[];
};

export type HostRef = { id: string; name: string };
/** What the network pages receive for one host. */
export type HostView = { host: HostRef; snapshot: HostSnapshot };
