// The builder's output: plain, serialisable nodes and edges. Nothing here
// knows about React or about a layout; components turn it into flow nodes.

/** lan: what lies past a NIC a device network leaves by (device-exits.ts). */
export type TopologyNodeKind = "nic" | "bridge" | "network" | "tap" | "vm" | "lan";

/** Links are up/down, networks active/inactive, VMs running/paused/stopped. */
export type NodeState = "up" | "down" | "active" | "inactive" | "running" | "paused" | "stopped" | "unknown";

export type Detail = { label: string; value: string };

export type TopologyNode = {
  /** host:kind:key, stable across refreshes (see ids.ts). */
  id: string;
  kind: TopologyNodeKind;
  host: string;
  label: string;
  /** Short second lines under the label, e.g. the bridge, mode and subnet of a network. */
  sublabels: string[];
  state: NodeState;
  /** Names of the libvirt networks this node belongs to, for the network filter. */
  networks: string[];
  /** Rows for the side panel. */
  details: Detail[];
  /** Set on network nodes: the libvirt name, for the link to the network page. */
  networkName?: string;
};

/**
 * port: a NIC or tap to its master bridge; lower: a macvtap to its lower NIC;
 * uplink: a network to the device its traffic leaves by (and on, for device
 * networks: host bridge → NIC → LAN); interface: a VM to
 * its tap; folded: a VM straight to a network when taps are folded away.
 */
export type TopologyEdgeKind = "port" | "lower" | "uplink" | "interface" | "folded";

export type TopologyEdge = {
  id: string;
  source: string;
  target: string;
  kind: TopologyEdgeKind;
  label?: string;
  /** Drawn from configuration because the live link is absent (domain or network down). */
  configured?: boolean;
};

/** One host's box in the fleet view. */
export type TopologyGroup = { id: string; host: string; label: string };

export type TopologyGraph = {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  groups: TopologyGroup[];
  /** True when taps were folded into VM→network edges because the graph is large. */
  folded: boolean;
};
