import type { SnapshotDomain, VmInterface } from "../host/snapshot";
import type { GraphDraft } from "./draft";
import type { Detail } from "./graph";
import { nodeId } from "./ids";
import { domainState, domainStateText } from "./labels";
import { nicAddresses } from "../host/snapshot-addresses";

// VMs and their interfaces. A VM interface is keyed by its MAC, which libvirt
// keeps for the life of the domain, so a restart that hands out another vnetN
// does not move the node.

export function tapNodeId(host: string, dom: SnapshotDomain, nic: VmInterface, index: number): string {
  return nodeId(host, "tap", nic.mac?.toLowerCase() ?? `${dom.uuid}#${index}`);
}

function sourceText(nic: VmInterface): string {
  const { network, bridge, sourceDev: dev, sourceMode: mode } = nic;
  if (nic.type === "network" && network) return `network ${network}`;
  if (nic.type === "bridge" && bridge) return `bridge ${bridge}`;
  if (nic.type === "direct" && dev) return `${dev} (macvtap${mode ? `, ${mode}` : ""})`;
  return network ?? bridge ?? dev ?? nic.type;
}

/** Each address, followed by where it was seen (lease, arp, ndp, agent). */
const addressDetails = (nic: VmInterface): Detail[] =>
  nicAddresses(nic).flatMap((a) => [{ label: "Address", value: a.ip }, { label: "Seen in", value: a.sources.join(", ") }]);

function interfaceDetails(dom: SnapshotDomain, nic: VmInterface): Detail[] {
  return [
    { label: "VM", value: dom.name },
    { label: "Type", value: nic.type },
    { label: "Source", value: sourceText(nic) },
    ...(nic.network && nic.type !== "network" ? [{ label: "Network", value: nic.network }] : []),
    ...(nic.portgroup ? [{ label: "Portgroup", value: nic.portgroup }] : []),
    ...(nic.vlan ? [{ label: "VLAN", value: nic.vlan }] : []),
    ...(nic.target ? [{ label: "Device", value: nic.target }] : []),
    ...(nic.mac ? [{ label: "MAC", value: nic.mac }] : []),
    ...(nic.model ? [{ label: "Model", value: nic.model }] : []),
    ...(nic.linkState === "down" ? [{ label: "Link", value: "down (set on the guest's NIC)" }] : []),
    ...addressDetails(nic),
  ];
}

export function addDomains(draft: GraphDraft, domains: SnapshotDomain[]) {
  for (const dom of domains) {
    const vmId = nodeId(draft.host, "vm", dom.uuid || dom.name);
    const state = domainState(dom.state);
    const stateText = domainStateText(dom.state);
    draft.add({
      id: vmId,
      kind: "vm",
      label: dom.name,
      sublabels: [stateText],
      state,
      details: [
        { label: "VM", value: dom.name },
        { label: "UUID", value: dom.uuid },
        { label: "State", value: stateText },
        { label: "Interfaces", value: String(dom.interfaces.length) },
        // On the VM too, so the side panel shows them and search finds a VM by address while its interfaces are folded.
        ...dom.interfaces.flatMap(addressDetails),
      ],
    });
    dom.interfaces.forEach((nic, index) => {
      const id = tapNodeId(draft.host, dom, nic, index);
      draft.add({
        id,
        kind: "tap",
        label: nic.target ?? nic.mac ?? `${dom.name} nic ${index + 1}`,
        sublabels: [sourceText(nic)],
        // Until the link is seen in `ip link` the interface is only configuration.
        state: state === "stopped" || nic.linkState === "down" ? "down" : "unknown",
        details: interfaceDetails(dom, nic),
      });
      if (nic.target) draft.byIfname.set(nic.target, id);
      // Live XML gives a network's NIC its actual type (bridge, direct): the network still names it.
      if (nic.network) draft.tag(id, nic.network);
      draft.connect(vmId, id, "interface");
    });
  }
}
