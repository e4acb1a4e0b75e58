// What a host's snapshot says about a segment: which of its parts exist (so a
// delete plans only what is there), whether its names are free (so a create
// fails before anything runs), and the MTU under an underlay address.
import type { HostSnapshot } from "../host/snapshot";
import { contains, parseCidr } from "../net/ip";
import type { PresentParts } from "./build";
import { segmentBridge, segmentVxlan } from "./segment";

export function presentParts(snapshot: HostSnapshot, name: string, vni: number): PresentParts {
  const network = snapshot.networks.find((n) => n.name === name);
  const has = (ifname: string) => snapshot.links.some((l) => l.ifname === ifname);
  return { networkDefined: Boolean(network?.persistent), networkActive: Boolean(network?.active), vxlan: has(segmentVxlan(vni)), bridge: has(segmentBridge(vni)) };
}

/** Why this host cannot take the segment's names, or null. */
export function namesTakenProblem(snapshot: HostSnapshot, name: string, vni: number): string | null {
  if (snapshot.networks.some((n) => n.name === name)) return `A network named '${name}' already exists on this host.`;
  for (const ifname of [segmentBridge(vni), segmentVxlan(vni)]) {
    if (snapshot.links.some((l) => l.ifname === ifname)) return `This host already has an interface ${ifname} (VNI ${vni} is in use there); choose another VNI.`;
  }
  return null;
}

/** The MTU of the device holding this IPv4 address, or null when the host does not have the address. */
export function underlayMtu(snapshot: HostSnapshot, address: string): number | null {
  const holder = snapshot.addresses.find((a) => a.family === "inet" && a.local === address);
  if (!holder) return null;
  return snapshot.links.find((l) => l.ifname === holder.ifname)?.mtu ?? null;
}

export type UnderlayCandidate = { address: string; prefix: number; ifname: string; mtu: number | null };

/** IPv4 addresses this host could use as its underlay: global ones, not on a libvirt bridge. */
export function underlayCandidates(snapshot: HostSnapshot): UnderlayCandidate[] {
  const libvirtBridges = new Set(snapshot.networks.map((n) => n.spec && "bridge" in n.spec ? n.spec.bridge?.name : undefined).filter(Boolean));
  return snapshot.addresses
    .filter((a) => a.family === "inet" && a.scope !== "host" && !a.local.startsWith("127.") && !libvirtBridges.has(a.ifname))
    .map((a) => ({ address: a.local, prefix: a.prefixlen, ifname: a.ifname, mtu: snapshot.links.find((l) => l.ifname === a.ifname)?.mtu ?? null }));
}

/**
 * Each host's candidates, those that share a subnet with an address of every
 * other host first (those reach the others directly, as a LAN address does).
 */
export function rankUnderlays(byHost: Record<string, UnderlayCandidate[]>): Record<string, UnderlayCandidate[]> {
  const shared = (c: UnderlayCandidate, host: string) =>
    Object.entries(byHost).every(([other, list]) => other === host || list.some((o) => { const net = parseCidr(`${c.address}/${c.prefix}`, { bareIsHost: true }); return net !== null && contains(net, o.address); }));
  return Object.fromEntries(Object.entries(byHost).map(([host, list]) => [host, [...list].sort((a, b) => Number(shared(b, host)) - Number(shared(a, host)))]));
}
