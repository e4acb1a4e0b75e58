import type { HostSnapshot } from "../host/snapshot";
import { linksOfKind } from "./classify";

// What "Network source" offers: the host's virtual networks, its bridges, and
// the NICs macvtap can sit on (a NIC in a bridge fails with EBUSY, so those are left out).

export type AttachChoices = { networks: { name: string; active: boolean }[]; bridges: string[]; macvtapDevs: string[] };

export function attachChoices(snapshot: Pick<HostSnapshot, "networks" | "links">): AttachChoices {
  return {
    networks: snapshot.networks.map((n) => ({ name: n.name, active: n.active })).sort((a, b) => a.name.localeCompare(b.name)),
    bridges: linksOfKind(snapshot.links, "bridge").map((l) => l.ifname),
    macvtapDevs: linksOfKind(snapshot.links, "nic").filter((l) => !l.master).map((l) => l.ifname),
  };
}
