// Cross-host segments in the topology: the host graph already draws the VXLAN
// device as a port of the segment's bridge (it is a link like any other); this
// adds what the kernel's link list does not say: its VNI, and the peers it
// floods to, each drawn as a node past the VXLAN port. In the fleet view every
// host's box gets the same, so one segment reads as the same VNI in each box,
// pointing at the other hosts (host boxes share no edges in the layout).
import type { TopologyEdge, TopologyGraph, TopologyNode } from "../topology/graph";
import { edgeId, nodeId } from "../topology/ids";
import { segmentVxlan, type CrossHostSegment } from "./segment";

export function withSegmentPeers(graph: TopologyGraph, segments: CrossHostSegment[]): TopologyGraph {
  if (segments.length === 0) return graph;
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  const drawn = graph.nodes.map((node) => {
    if (node.kind !== "nic") return node;
    const segment = segments.find((s) => node.label === segmentVxlan(s.vni) && s.hosts.some((h) => h.hostName === node.host));
    if (!segment) return node;
    const peers = segment.hosts.filter((h) => h.hostName !== node.host);
    for (const peer of peers) {
      const id = nodeId(node.host, "lan", `vxlan-${segment.vni}-${peer.hostName}`);
      nodes.push({ id, kind: "lan", host: node.host, label: `${peer.hostName} (VXLAN peer)`, sublabels: [peer.underlay], state: node.state, networks: [segment.name], details: [{ label: "Peer underlay", value: peer.underlay }, { label: "Segment", value: `${segment.name}, VNI ${segment.vni}` }] });
      edges.push({ id: edgeId(node.id, id, "uplink"), source: node.id, target: id, kind: "uplink", label: `VNI ${segment.vni}` });
    }
    return {
      ...node,
      sublabels: [`VXLAN ${segment.vni} · ${segment.name}`, ...node.sublabels.filter((s) => s !== "vxlan")],
      networks: [...new Set([...node.networks, segment.name])],
      details: [...node.details, { label: "Cross-host network", value: segment.name }, { label: "VNI", value: String(segment.vni) }, ...peers.map((p) => ({ label: `Peer ${p.hostName}`, value: p.underlay }))],
    };
  });
  return { ...graph, nodes: [...drawn, ...nodes], edges: [...graph.edges, ...edges] };
}
