import type { HostSnapshot } from "../host/snapshot";
import { addressesOf, bridgeRows, linkKind, linksOfKind } from "./classify";
import { describeUse, usesOf, type InterfaceUse } from "./usage";
import { removableRoutes, type RouteRow } from "./route-key";

// The interfaces page's rows as plain data (the page is a client component):
// each link with what uses it, already worded.

export type UseView = { kind: InterfaceUse["kind"]; text: string };
export type LinkRow = { name: string; up: boolean; operstate?: string; mac?: string; kind: string; master?: string; addresses: string[]; uses: UseView[] };
export type BridgeView = LinkRow & { ports: { name: string; state: string }[]; stp: string };
export type InterfacesView = { bridges: BridgeView[]; taps: LinkRow[]; macvtaps: LinkRow[]; nics: LinkRow[]; routes: RouteRow[] };

type Facts = Pick<HostSnapshot, "networks" | "domains" | "links" | "addresses" | "routes" | "bridgePorts">;

export function interfacesView(facts: Facts, sshAddress: string): InterfacesView {
  const row = (link: HostSnapshot["links"][number]): LinkRow => ({
    name: link.ifname,
    up: link.up,
    ...(link.operstate ? { operstate: link.operstate } : {}),
    ...(link.mac ? { mac: link.mac } : {}),
    kind: link.kind ?? linkKind(link),
    ...(link.master ? { master: link.master } : {}),
    addresses: addressesOf(facts.addresses, link.ifname),
    uses: usesOf(facts, sshAddress, link.ifname).map((u) => ({ kind: u.kind, text: describeUse(u) })),
  });
  return {
    bridges: bridgeRows(facts.links, facts.bridgePorts).map((b) => ({ ...row(b.link), ports: b.ports.map((p) => ({ name: p.ifname, state: p.state ?? "unknown" })), stp: b.stp })),
    taps: linksOfKind(facts.links, "tap").map(row),
    macvtaps: linksOfKind(facts.links, "macvtap").map(row),
    nics: linksOfKind(facts.links, "nic").map(row),
    routes: removableRoutes(facts.routes),
  };
}
