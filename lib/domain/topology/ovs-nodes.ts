import type { HostLink } from "../host/snapshot";
import type { OvsPort, OvsState } from "../host/snapshot-ovs";
import type { GraphDraft } from "./draft";
import { nodeId } from "./ids";

// Open vSwitch, from the host read's ovs-vsctl tables. The kernel does not say
// which switch a port is on: with the userspace datapath (this lab) a port has
// no master at all, and with the kernel datapath every port's master is the
// shared "ovs-system". So the switch is drawn from OVSDB: one bridge node per
// OVS bridge, and each port's device its port, labelled with its VLANs.

/** The datapath's own devices: they belong to the switch, not to a guest or the LAN. */
const DATAPATH_DEVICES = ["ovs-netdev", "ovs-system"];

/** A port's VLANs as OVS applies them: an access tag, a trunk of tags, or every VLAN. */
export function vlanText(port: Pick<OvsPort, "tag" | "trunks">): string {
  if (port.tag !== undefined) return `VLAN ${port.tag}`;
  if (port.trunks.length) return `trunk ${port.trunks.join(",")}`;
  return "all VLANs";
}

/** Links with the OVS bridge they are a port of as their master, so the live-edge step draws them like Linux bridge ports. */
export function withOvsMasters(links: HostLink[], ovs: OvsState | undefined): HostLink[] {
  if (!ovs) return links;
  // A bond's members are ports of the bond, which is the bridge's port.
  const bridgeOf = new Map<string, string>();
  for (const b of ovs.bridges) {
    for (const p of b.ports) for (const i of p.interfaces) if (i.name !== b.name) bridgeOf.set(i.name, p.interfaces.length > 1 ? p.name : b.name);
  }
  return links.map((l) => {
    const bridge = bridgeOf.get(l.ifname);
    return bridge && (!l.master || l.master === "ovs-system") ? { ...l, master: bridge } : l;
  });
}

/** One node per OVS bridge; call before addLinks, so its internal port and the datapath devices become its details. */
export function addOvsBridges(draft: GraphDraft, ovs: OvsState | undefined) {
  for (const bridge of ovs?.bridges ?? []) {
    const id = nodeId(draft.host, "bridge", bridge.name);
    const userspace = bridge.datapathType === "netdev";
    draft.add({
      id,
      kind: "bridge",
      label: bridge.name,
      sublabels: ["Open vSwitch", ...(userspace ? ["userspace datapath"] : [])],
      // OVSDB answered and lists it: the switch forwards whatever its internal port's link says.
      state: "up",
      details: [
        { label: "Bridge", value: bridge.name },
        { label: "Type", value: "Open vSwitch" },
        { label: "Datapath", value: userspace ? "userspace (netdev)" : bridge.datapathType || "kernel (system)" },
        { label: "Ports", value: String(bridge.ports.filter((p) => p.name !== bridge.name).length) },
      ],
    });
    draft.byIfname.set(bridge.name, id);
  }
  const first = ovs?.bridges[0];
  if (first) for (const dev of DATAPATH_DEVICES) if (!draft.byIfname.has(dev)) draft.byIfname.set(dev, nodeId(draft.host, "bridge", first.name));
}

/**
 * Port edges with their VLANs, and a node per bond; call after addLinks and
 * before addLiveEdges, so these labelled edges are the ones kept. Ports whose
 * device the graph does not know (tunnels, say) are left to whoever draws them.
 */
export function addOvsPorts(draft: GraphDraft, ovs: OvsState | undefined) {
  for (const bridge of ovs?.bridges ?? []) {
    const bridgeId = nodeId(draft.host, "bridge", bridge.name);
    for (const port of bridge.ports) {
      if (port.name === bridge.name) continue;
      const label = vlanText(port);
      if (port.interfaces.length > 1) {
        const bondId = nodeId(draft.host, "nic", port.name);
        draft.add({
          id: bondId,
          kind: "nic",
          label: port.name,
          sublabels: ["OVS bond", ...(port.bondMode ? [port.bondMode] : [])],
          state: "up",
          details: [
            { label: "Bond", value: port.name },
            { label: "Members", value: port.interfaces.map((i) => i.name).join(", ") },
            ...(port.bondMode ? [{ label: "Bond mode", value: port.bondMode }] : []),
            { label: "VLANs", value: label },
          ],
        });
        draft.byIfname.set(port.name, bondId);
        for (const member of port.interfaces) draft.connect(draft.nodeForIfname(member.name), bondId, "port");
        draft.connect(bondId, bridgeId, "port", { label });
        continue;
      }
      const device = port.interfaces[0]?.name ?? port.name;
      const source = draft.byIfname.get(device);
      if (source) draft.connect(source, bridgeId, "port", { label });
    }
  }
}
