// Per-host parts of a segment: the exact commands each host runs, in order,
// each with the command that undoes it, and the libvirt network XML. Pure: the
// adapter turns `virsh` commands into its argv (lib/libvirt/vxlan-plans.ts).
// Every operand here is either a number, a name derived from the VNI, or an
// address the schema accepted as IPv4, and the XML goes through the network
// model's builder (which escapes every value).
import { buildNetworkXml, gatewayOf, type BridgeNetwork, type IsolatedNetwork, type NatNetwork } from "../network";
import { VXLAN_PORT, peersOf, segmentBridge, segmentVxlan, type CrossHostSegment, type SegmentHost } from "./segment";

export type HostCommand =
  | { kind: "ip"; argv: string[] }
  | { kind: "virsh"; command: "net-define" | "net-start" | "net-destroy" | "net-undefine"; operand: string; stdin?: string };

export type HostOp = { title: string; run: HostCommand; undo?: HostCommand };

/** What one host does for one change of the segment. */
export type HostPart = { hostId: string; hostName: string; ops: HostOp[] };

/** The MAC that means "flood to this peer" (broadcast, unknown unicast, multicast). */
export const FLOOD_MAC = "00:00:00:00:00:00";

const ip = (...argv: string[]): HostCommand => ({ kind: "ip", argv });
const virsh = (command: Extract<HostCommand, { kind: "virsh" }>["command"], operand: string, stdin?: string): HostCommand => ({
  kind: "virsh",
  command,
  operand,
  ...(stdin === undefined ? {} : { stdin }),
});

/** The gateway host's network: libvirt makes the bridge, owns the subnet and serves DHCP. */
export function gatewayNetwork(s: CrossHostSegment): NatNetwork | IsolatedNetwork {
  const a = s.addressing;
  const cidr = { family: "ipv4" as const, address: a.address, prefix: a.prefix };
  return {
    mode: a.mode,
    name: s.name,
    // STP off: with head-end replication a frame that came in on the VXLAN port never goes back out of it, so there is no loop to break, and no forward delay.
    bridge: { name: segmentBridge(s.vni), stp: false, delay: 0 },
    mtu: s.mtu,
    ipv4: { address: gatewayOf(cidr), prefix: a.prefix, dhcp: { ranges: [{ start: a.dhcp.start, end: a.dhcp.end }], hosts: [] }, routes: [] },
  };
}

/** The other hosts' network: guests join the host bridge that carries the VXLAN port. libvirt refuses `<mtu>` here; the taps take the bridge's MTU. */
export function memberNetwork(s: CrossHostSegment): BridgeNetwork {
  return { mode: "bridge", name: s.name, hostBridge: segmentBridge(s.vni) };
}

export const networkXmlFor = (s: CrossHostSegment, hostId: string) => buildNetworkXml(hostId === s.gatewayHostId ? gatewayNetwork(s) : memberNetwork(s));

/** `bridge fdb append` one flooding entry per peer; undone by deleting the same entry. */
export function peerOp(s: CrossHostSegment, peer: Pick<SegmentHost, "underlay" | "hostName">, change: "add" | "remove"): HostOp {
  const vx = segmentVxlan(s.vni);
  const entry = [FLOOD_MAC, "dev", vx, "dst", peer.underlay];
  const add = ip("bridge", "fdb", "append", ...entry);
  const del = ip("bridge", "fdb", "del", ...entry);
  return change === "add"
    ? { title: `Flood to peer ${peer.hostName} (${peer.underlay})`, run: add, undo: del }
    : { title: `Stop flooding to ${peer.hostName} (${peer.underlay})`, run: del, undo: add };
}

function vxlanOps(s: CrossHostSegment, host: SegmentHost): HostOp[] {
  const vx = segmentVxlan(s.vni);
  const br = segmentBridge(s.vni);
  return [
    {
      title: `Create VXLAN ${vx} (VNI ${s.vni}, local ${host.underlay})`,
      run: ip("ip", "link", "add", vx, "type", "vxlan", "id", String(s.vni), "dstport", String(VXLAN_PORT), "local", host.underlay, "nolearning"),
      undo: ip("ip", "link", "del", vx),
    },
    { title: `Set ${vx}'s MTU to ${s.mtu}`, run: ip("ip", "link", "set", "dev", vx, "mtu", String(s.mtu)) },
    { title: `Make ${vx} a port of ${br}`, run: ip("ip", "link", "set", "dev", vx, "master", br) },
    { title: `Bring ${vx} up`, run: ip("ip", "link", "set", "dev", vx, "up") },
    ...peersOf(s, host.hostId).map((peer) => peerOp(s, peer, "add")),
  ];
}

/** Everything a host does to join the segment (at create, or when it is added later). */
export function joinPart(s: CrossHostSegment, hostId: string): HostPart {
  const host = s.hosts.find((h) => h.hostId === hostId);
  if (!host) throw new Error(`host ${hostId} is not in segment ${s.name}`);
  const br = segmentBridge(s.vni);
  const xml = networkXmlFor(s, hostId);
  const define: HostOp = { title: `Define network ${s.name}`, run: virsh("net-define", "/dev/stdin", xml), undo: virsh("net-undefine", s.name) };
  const start: HostOp = { title: `Start network ${s.name}`, run: virsh("net-start", s.name), undo: virsh("net-destroy", s.name) };
  const ops =
    hostId === s.gatewayHostId
      ? // libvirt makes the gateway's bridge (with the MTU and the subnet), then the VXLAN port joins it.
        [define, start, ...vxlanOps(s, host)]
      : [
          { title: `Create bridge ${br}`, run: ip("ip", "link", "add", br, "type", "bridge"), undo: ip("ip", "link", "del", br) },
          { title: `Set ${br}'s MTU to ${s.mtu}`, run: ip("ip", "link", "set", "dev", br, "mtu", String(s.mtu)) },
          { title: `Bring ${br} up`, run: ip("ip", "link", "set", "dev", br, "up") },
          ...vxlanOps(s, host),
          define,
          start,
        ];
  return { hostId, hostName: host.hostName, ops };
}

/** What of the segment a host still has, as read from it: leave removes only that. */
export type PresentParts = { networkDefined: boolean; networkActive: boolean; vxlan: boolean; bridge: boolean };

/**
 * Removing a host's part. Not undone on a later failure: taking it apart again
 * half-way would be a second change nobody reviewed; a delete that stops
 * part-way is finished by deleting again (only what is left is planned).
 */
export function leavePart(s: CrossHostSegment, host: Pick<SegmentHost, "hostId" | "hostName">, present: PresentParts): HostPart {
  const vx = segmentVxlan(s.vni);
  const br = segmentBridge(s.vni);
  const ops: HostOp[] = [];
  if (present.vxlan) ops.push({ title: `Delete VXLAN ${vx}`, run: ip("ip", "link", "del", vx) });
  if (present.networkActive) ops.push({ title: `Stop network ${s.name}`, run: virsh("net-destroy", s.name) });
  if (present.networkDefined) ops.push({ title: `Undefine network ${s.name}`, run: virsh("net-undefine", s.name) });
  // The gateway's bridge is libvirt's and goes with net-destroy; a member's is ours.
  if (present.bridge && host.hostId !== s.gatewayHostId) ops.push({ title: `Delete bridge ${br}`, run: ip("ip", "link", "del", br) });
  return { hostId: host.hostId, hostName: host.hostName, ops };
}

/** Create: the gateway first (its network owns the subnet), then every other host. */
export function createParts(s: CrossHostSegment): HostPart[] {
  const order = [...s.hosts].sort((a, b) => Number(b.hostId === s.gatewayHostId) - Number(a.hostId === s.gatewayHostId));
  return order.map((h) => joinPart(s, h.hostId));
}

/** Add a host: it joins with every current host as a peer, then every current host floods to it too. `next` includes the new host. */
export function addHostParts(next: CrossHostSegment, newHostId: string): HostPart[] {
  const added = next.hosts.find((h) => h.hostId === newHostId);
  if (!added) throw new Error("the new host is not in the segment");
  const others = peersOf(next, newHostId).map((h) => ({ hostId: h.hostId, hostName: h.hostName, ops: [peerOp(next, added, "add")] }));
  return [joinPart(next, newHostId), ...others];
}

/** Remove a (non-gateway) host: every other host stops flooding to it, then its part is taken away. */
export function removeHostParts(current: CrossHostSegment, hostId: string, present: PresentParts): HostPart[] {
  const leaving = current.hosts.find((h) => h.hostId === hostId);
  if (!leaving) throw new Error("the host is not in the segment");
  const others = peersOf(current, hostId).map((h) => ({ hostId: h.hostId, hostName: h.hostName, ops: [peerOp(current, leaving, "remove")] }));
  return [...others, leavePart(current, leaving, present)];
}

/** The segment without a host. */
export const withoutHost = (s: CrossHostSegment, hostId: string): CrossHostSegment => ({ ...s, hosts: s.hosts.filter((h) => h.hostId !== hostId) });
