import type { HostSnapshot } from "../host/snapshot";
import { forwardingLabel } from "../network/modes";
import { linksOfKind } from "./classify";

// What "Network source" offers: the host's virtual networks, its bridges, and
// the NICs macvtap can sit on (a NIC in a bridge fails with EBUSY, so those are left out).

/** A network "Network source" offers: what it is ("Open vSwitch ovsbr0, 2 portgroups"), and its portgroups with the default first marked. */
export type NetworkChoice = { name: string; active: boolean; describe?: string; portgroups?: { name: string; default: boolean; vlan?: string }[] };
export type AttachChoices = { networks: NetworkChoice[]; bridges: string[]; macvtapDevs: string[] };

function networkChoice(n: HostSnapshot["networks"][number]): NetworkChoice {
  const groups = n.spec?.mode === "bridge" ? (n.spec.portgroups ?? []) : [];
  return {
    name: n.name,
    active: n.active,
    ...(n.spec ? { describe: forwardingLabel(n.spec) } : {}),
    ...(groups.length
      ? { portgroups: groups.map((g) => ({ name: g.name, default: !!g.default, ...(g.vlan ? { vlan: `${g.vlan.trunk ? "trunk " : "VLAN "}${g.vlan.tags.join(",")}` } : {}) })) }
      : {}),
  };
}

export function attachChoices(snapshot: Pick<HostSnapshot, "networks" | "links">): AttachChoices {
  return {
    networks: snapshot.networks.map(networkChoice).sort((a, b) => a.name.localeCompare(b.name)),
    bridges: linksOfKind(snapshot.links, "bridge").map((l) => l.ifname),
    macvtapDevs: linksOfKind(snapshot.links, "nic").filter((l) => !l.master).map((l) => l.ifname),
  };
}
