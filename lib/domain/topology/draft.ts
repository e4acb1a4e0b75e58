import type { TopologyEdge, TopologyEdgeKind, TopologyNode } from "./graph";
import { edgeId, nodeId } from "./ids";

// The builder's scratch pad for one host: nodes by id, edges deduplicated by
// id, and which node stands for each interface name. Every step of the build
// adds to it; `nodes`/`edges` come out sorted so equal facts give equal graphs.

export class GraphDraft {
  private readonly nodeMap = new Map<string, TopologyNode>();
  private readonly edgeMap = new Map<string, TopologyEdge>();
  /** ifname → the node drawn for it (a network node stands for its virbrN). */
  readonly byIfname = new Map<string, string>();

  constructor(readonly host: string) {}

  add(node: Omit<TopologyNode, "host" | "sublabels" | "networks" | "details"> & Partial<TopologyNode>): TopologyNode {
    const full: TopologyNode = { sublabels: [], networks: [], details: [], ...node, host: this.host };
    this.nodeMap.set(full.id, full);
    return full;
  }

  get(id: string): TopologyNode | undefined {
    return this.nodeMap.get(id);
  }

  /** The node for an interface name; a NIC of unknown state when the name was never seen (e.g. a stale forward dev). */
  nodeForIfname(ifname: string): string {
    const known = this.byIfname.get(ifname);
    if (known) return known;
    const id = nodeId(this.host, "nic", ifname);
    this.add({ id, kind: "nic", label: ifname, state: "unknown", details: [{ label: "Note", value: "Not present on the host" }] });
    this.byIfname.set(ifname, id);
    return id;
  }

  connect(source: string, target: string, kind: TopologyEdgeKind, extra: { label?: string; configured?: boolean } = {}) {
    const id = edgeId(source, target, kind);
    if (this.edgeMap.has(id) || source === target) return;
    this.edgeMap.set(id, { id, source, target, kind, ...extra });
  }

  tag(id: string, network: string) {
    const node = this.nodeMap.get(id);
    if (node && !node.networks.includes(network)) node.networks.push(network);
  }

  get nodes(): TopologyNode[] {
    return [...this.nodeMap.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  get edges(): TopologyEdge[] {
    return [...this.edgeMap.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}
