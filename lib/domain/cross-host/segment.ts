// A cross-host network: one layer-2 segment that guests on several hypervisors
// share, carried between the hosts in VXLAN over their underlay (LAN)
// addresses, with head-end replication (every host lists every other host as a
// flooding peer; no multicast). One host is the gateway: its libvirt network
// (NAT or isolated) owns the segment's subnet and serves DHCP; the others
// bridge into it. Pure data and arithmetic; the argv and XML are in ./build.ts.

/** VXLAN's 24-bit network identifier. */
export const VNI_MIN = 1;
export const VNI_MAX = 16_777_215;
/** IANA's VXLAN port. */
export const VXLAN_PORT = 4789;
/** Outer IPv4 (20) + UDP (8) + VXLAN (8) + inner Ethernet (14): what VXLAN costs of the underlay's MTU. */
export const VXLAN_OVERHEAD = 50;

export type SegmentAddressing = {
  /** The gateway host's libvirt network: NAT to the outside, or isolated. */
  mode: "nat" | "isolated";
  /** The segment's IPv4 subnet, e.g. 10.90.0.0/24; the gateway host takes its first address. */
  address: string;
  prefix: number;
  dhcp: { start: string; end: string };
};

export type SegmentHost = {
  hostId: string;
  hostName: string;
  /** The IPv4 address this host sends and receives VXLAN on (`local`), and the peers' `dst` for it. */
  underlay: string;
  /** MTU of the device holding the underlay address when the segment was planned. */
  underlayMtu: number;
};

export type CrossHostSegment = {
  /** The libvirt network's name on every host. */
  name: string;
  vni: number;
  /** The segment's MTU: the smallest underlay MTU minus VXLAN's 50 bytes. */
  mtu: number;
  gatewayHostId: string;
  addressing: SegmentAddressing;
  hosts: SegmentHost[];
};

/** The Linux bridge every host puts the segment on (the gateway's is made by libvirt). ≤ 15 characters. */
export const segmentBridge = (vni: number) => `sybr${vni}`;
/** The VXLAN device, a port of that bridge. ≤ 15 characters. */
export const segmentVxlan = (vni: number) => `syvx${vni}`;

/** The segment's MTU for these underlay MTUs. */
export function segmentMtu(underlayMtus: number[]): number {
  return Math.min(...underlayMtus) - VXLAN_OVERHEAD;
}

/** The first VNI from `from` up that no segment of the site uses. */
export function suggestVni(taken: number[], from = 10_000): number {
  const used = new Set(taken);
  for (let vni = from; vni <= VNI_MAX; vni += 1) if (!used.has(vni)) return vni;
  for (let vni = VNI_MIN; vni < from; vni += 1) if (!used.has(vni)) return vni;
  throw new Error("every VNI is taken");
}

export const gatewayHost = (s: CrossHostSegment) => s.hosts.find((h) => h.hostId === s.gatewayHostId);
export const peersOf = (s: CrossHostSegment, hostId: string) => s.hosts.filter((h) => h.hostId !== hostId);
