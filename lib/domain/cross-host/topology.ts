// Cross-host segments in the topology: the host graph already draws the VXLAN
// device as a port of the segment's bridge (it is a link like any other); this
// adds what the kernel's link list does not say: its VNI, and the peers it
// floods to, each drawn as a node past the VXLAN port (one host's view). The
// fleet view, which has every host's VXLAN port, draws the segment itself
// instead: one edge from the gateway's port to each other host's port, across
// the host boxes (the layout places each box alone; the canvas draws the edge).
import type { TopologyEdge, TopologyGraph, TopologyNode } from "../topology/graph";
import { edgeId, nodeId } from "../topology/ids";
import { gatewayHost, segmentVxlan, type CrossHostSegment } from "./segment";

const segmentOf = (node: TopologyNode, segments: CrossHostSegment[]) =>
  node.kind === "nic" ? segments.find((s) => node.label === segmentVxlan(s.vni) && s.hosts.some((h) => h.hostName === node.host)) : undefined;

function annotate(node: TopologyNode, segment: CrossHostSegment): TopologyNode {
  const peers = segment.hosts.filter((h) => h.hostName !== node.host);
  return {
    ...node,
    sublabels: [`VXLAN ${segment.vni} · ${segment.name}`, ...node.sublabels.filter((s) => s !== "vxlan")],
    networks: [...new Set([...node.networks, segment.name])],
    details: [...node.details, { label: "Cross-host network", value: segment.name }, { label: "VNI", value: String(segment.vni) }, ...peers.map((p) => ({ label: `Peer ${p.hostName}`, value: p.underlay }))],
  };
}

/** Fleet view: each segment as edges between its hosts' VXLAN ports (gateway → every other host). */
export function withSegmentSpans(graph: TopologyGraph, segments: CrossHostSegment[]): TopologyGraph {
  if (segments.length === 0) return graph;
  const edges: TopologyEdge[] = [];
  const nodes = graph.nodes.map((node) => {
    const segment = segmentOf(node, segments);
    return segment ? annotate(node, segment) : node;
  });
  for (const segment of segments) {
    const ports = new Map(nodes.filter((n) => segmentOf(n, [segment])).map((n) => [n.host, n.id]));
    const gateway = gatewayHost(segment);
    const from = gateway && ports.get(gateway.hostName);
    if (!from) continue; // the gateway's box is not drawn (host down): its spokes have no hub
    for (const host of segment.hosts) {
      const to = host.hostName !== gateway.hostName ? ports.get(host.hostName) : undefined;
      if (to) edges.push({ id: edgeId(from, to, "uplink"), source: from, target: to, kind: "uplink", label: `VNI ${segment.vni} · ${segment.name}` });
    }
  }
  return { ...graph, nodes, edges: [...graph.edges, ...edges] };
}

/** One host's view: the VXLAN port's peers as nodes past it. */
export function withSegmentPeers(graph: TopologyGraph, segments: CrossHostSegment[]): TopologyGraph {
  if (segments.length === 0) return graph;
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  const drawn = graph.nodes.map((node) => {
    const segment = segmentOf(node, segments);
    if (!segment) return node;
    const peers = segment.hosts.filter((h) => h.hostName !== node.host);
    for (const peer of peers) {
      const id = nodeId(node.host, "lan", `vxlan-${segment.vni}-${peer.hostName}`);
      nodes.push({ id, kind: "lan", host: node.host, label: `${peer.hostName} (VXLAN peer)`, sublabels: [peer.underlay], state: node.state, networks: [segment.name], details: [{ label: "Peer underlay", value: peer.underlay }, { label: "Segment", value: `${segment.name}, VNI ${segment.vni}` }] });
      edges.push({ id: edgeId(node.id, id, "uplink"), source: node.id, target: id, kind: "uplink", label: `VNI ${segment.vni}` });
    }
    return annotate(node, segment);
  });
  return { ...graph, nodes: [...drawn, ...nodes], edges: [...graph.edges, ...edges] };
}
