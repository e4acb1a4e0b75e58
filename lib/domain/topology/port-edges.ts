import type { BridgePort, HostLink, SnapshotDomain, SnapshotNetwork } from "../host/snapshot";
import type { GraphDraft } from "./draft";
import { tapNodeId } from "./domain-nodes";
import { networkNodeId } from "./network-nodes";

// Who hangs off whom. The live kernel state (`master`, a macvtap's lower
// device) wins; a VM interface with no live link (VM shut off) is drawn from
// its configuration instead, as a dashed "configured" edge.

const LOWER_KINDS = new Set(["macvtap", "macvlan", "vlan"]);

export function addLiveEdges(draft: GraphDraft, links: HostLink[], ports: BridgePort[]) {
  const stp = new Map(ports.map((p) => [p.ifname, p.state]));
  for (const link of links) {
    const source = draft.byIfname.get(link.ifname);
    if (!source) continue;
    if (link.master) {
      const state = stp.get(link.ifname);
      // Only a port that does not pass traffic yet is worth a label.
      const label = state && state !== "forwarding" ? state : undefined;
      draft.connect(source, draft.nodeForIfname(link.master), "port", label ? { label } : {});
    }
    const kind = link.kind;
    if (link.lower && kind && LOWER_KINDS.has(kind)) {
      draft.connect(source, draft.nodeForIfname(link.lower), "lower", { label: kind });
    }
  }
}

export function addConfiguredEdges(draft: GraphDraft, domains: SnapshotDomain[], networks: SnapshotNetwork[], links: HostLink[]) {
  const live = new Map(links.map((l) => [l.ifname, l]));
  const networkByName = new Map(networks.map((n) => [n.name, networkNodeId(draft.host, n)]));
  for (const dom of domains) {
    dom.interfaces.forEach((nic, index) => {
      const id = tapNodeId(draft.host, dom, nic, index);
      const link = nic.target ? live.get(nic.target) : undefined;
      const configured = !link;
      if (link?.master) return;
      const { network, bridge, sourceDev: dev } = nic;
      if (nic.type === "network" && network) {
        // A macvtap network's tap has no master; it still belongs to the network.
        const target = networkByName.get(network);
        if (target) draft.connect(id, target, "port", { configured });
      } else if (nic.type === "bridge" && bridge && configured) {
        draft.connect(id, draft.nodeForIfname(bridge), "port", { configured });
      } else if (nic.type === "direct" && dev && configured) {
        draft.connect(id, draft.nodeForIfname(dev), "lower", { label: "macvtap", configured });
      }
    });
  }
}
