import type { HostAddress, HostLink } from "../host/snapshot";
import type { GraphDraft } from "./draft";
import type { Detail } from "./graph";
import { nodeId } from "./ids";
import { linkState } from "./labels";

// Host links (`ip -j -d link`, as the host reader keeps them). Links already claimed by a network (its
// virbrN) or by a VM interface (its vnetN) only lend their state; every other
// link becomes a bridge, a stray tap, or a NIC.

const TAP_KINDS = new Set(["tun", "tap", "macvtap"]);

function linkDetails(link: HostLink, addresses: string[]): Detail[] {
  const rows: Detail[] = [{ label: "Interface", value: link.ifname }];
  if (link.kind) rows.push({ label: "Kind", value: link.kind });
  if (link.operstate) rows.push({ label: "Operstate", value: link.operstate });
  if (link.mac) rows.push({ label: "MAC", value: link.mac });
  if (link.mtu) rows.push({ label: "MTU", value: String(link.mtu) });
  if (link.master) rows.push({ label: "Master", value: link.master });
  if (link.lower) rows.push({ label: "Lower device", value: link.lower });
  for (const a of addresses) rows.push({ label: "Address", value: a });
  return rows;
}

function addressesByIfname(addrs: HostAddress[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of addrs) out.set(a.ifname, [...(out.get(a.ifname) ?? []), `${a.local}/${a.prefixlen}`]);
  return out;
}

export function addLinks(draft: GraphDraft, links: HostLink[], addrs: HostAddress[]) {
  const addresses = addressesByIfname(addrs);
  for (const link of links) {
    if (link.ifname === "lo") continue;
    const state = linkState(link);
    const details = linkDetails(link, addresses.get(link.ifname) ?? []);
    const claimed = draft.byIfname.get(link.ifname);
    const owner = claimed ? draft.get(claimed) : undefined;
    if (owner?.kind === "tap") {
      // A guest NIC with its link set down carries nothing, whatever the tap says.
      if (owner.state !== "down") owner.state = state;
      owner.details.push(...details.filter((d) => d.label !== "Interface" && d.label !== "MAC"));
      continue;
    }
    if (owner?.kind === "network") {
      owner.details.push({ label: "Bridge state", value: link.operstate ?? state });
      continue;
    }
    if (owner?.kind === "bridge") {
      // An Open vSwitch bridge's internal port and datapath devices (ovs-nodes.ts): state only, not nodes of their own.
      owner.details.push({ label: `Device ${link.ifname}`, value: link.operstate ?? state });
      continue;
    }
    const kindName = link.kind;
    const kind = kindName === "bridge" ? "bridge" : kindName && TAP_KINDS.has(kindName) ? "tap" : "nic";
    const id = nodeId(draft.host, kind, link.ifname);
    const sublabels = [kindName ?? "", ...(addresses.get(link.ifname) ?? [])].filter(Boolean);
    draft.add({ id, kind, label: link.ifname, sublabels, state, details });
    draft.byIfname.set(link.ifname, id);
  }
}
