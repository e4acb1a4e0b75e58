import type { SnapshotNetwork } from "../host/snapshot";
import { MODES } from "../network/modes";
import type { TopologyEdge, TopologyGraph, TopologyNode } from "./graph";
import { edgeId, nodeId } from "./ids";
import { networkNodeId } from "./network-nodes";

// Where a device network's guests come out of the host. A bridged network
// leaves through its host bridge's NIC ports, a macvtap pool or an SR-IOV
// pool through its own NICs; past those NICs lies the LAN. So the chain reads
// left to right: network → host bridge → NIC → LAN. The host cannot see what
// is beyond a NIC, so the LAN is drawn per NIC ("via eth1"), up when the NIC
// has carrier. A pure step on the built graph, before taps are folded.

const isDeviceNetwork = (net: SnapshotNetwork) => !!net.spec && MODES[net.spec.mode].kind === "device";

/** Tunnel devices lead to their peers, not to a LAN (cross-host segments draw those peers). */
const TUNNEL_KINDS = new Set(["vxlan", "geneve", "gretap", "ip6gretap"]);
const isTunnel = (n: TopologyNode) => n.details.some((d) => d.label === "Kind" && TUNNEL_KINDS.has(d.value));

export function lanNodeId(host: string, nic: string): string {
  return nodeId(host, "lan", nic);
}

function lanNode(nic: TopologyNode, networks: string[]): TopologyNode {
  return {
    id: lanNodeId(nic.host, nic.label),
    kind: "lan",
    host: nic.host,
    label: `via ${nic.label}`,
    sublabels: ["outside this host"],
    state: nic.state === "up" ? "up" : nic.state === "down" ? "down" : "unknown",
    networks,
    details: [
      { label: "Reached through", value: nic.label },
      { label: "Note", value: "What lies past a NIC is not visible from the host; its carrier is." },
    ],
  };
}

export function drawDeviceExits(graph: TopologyGraph, host: string, networks: SnapshotNetwork[]): TopologyGraph {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const deviceNets = new Map(networks.filter(isDeviceNetwork).map((n) => [networkNodeId(host, n), n.name]));
  /** exit NIC id → the device networks leaving through it. */
  const exits = new Map<string, Set<string>>();
  const exit = (id: string, net: string) => exits.set(id, (exits.get(id) ?? new Set()).add(net));
  /** host bridge id → the device networks using it. */
  const bridges = new Map<string, Set<string>>();
  for (const e of graph.edges) {
    const net = deviceNets.get(e.source);
    const target = byId.get(e.target);
    if (e.kind !== "uplink" || !net || !target) continue;
    if (target.kind === "bridge") bridges.set(target.id, (bridges.get(target.id) ?? new Set()).add(net));
    if (target.kind === "nic") exit(target.id, net);
  }
  // A host bridge's NIC ports become its way out: nic → bridge is drawn bridge → nic.
  const edges: TopologyEdge[] = graph.edges.map((e) => {
    const nets = bridges.get(e.target);
    if (e.kind !== "port" || !nets || byId.get(e.source)?.kind !== "nic") return e;
    for (const net of nets) exit(e.source, net);
    const { id: _id, source, target, kind: _kind, ...rest } = e;
    void _id;
    void _kind;
    return { ...rest, id: edgeId(target, source, "uplink"), source: target, target: source, kind: "uplink" };
  });
  const nodes = graph.nodes.map((n) => {
    const nets = exits.get(n.id);
    return nets ? { ...n, networks: [...new Set([...n.networks, ...nets])] } : n;
  });
  for (const [id, nets] of exits) {
    const nic = byId.get(id)!;
    if (isTunnel(nic)) continue;
    const lan = lanNode(nic, [...nets].sort());
    nodes.push(lan);
    edges.push({ id: edgeId(id, lan.id, "uplink"), source: id, target: lan.id, kind: "uplink" });
  }
  return {
    ...graph,
    nodes: nodes.sort((a, b) => a.id.localeCompare(b.id)),
    edges: edges.sort((a, b) => a.id.localeCompare(b.id)),
  };
}
