import type { TopologyGraph, TopologyNode } from "./graph";

// What the toolbar does to a built graph. Both return IDs rather than a new
// graph, so the view can hide or highlight nodes without a new layout.

/** Network names present in the graph, sorted, each once (the fleet has a `default` per host). */
export function networkNames(graph: Pick<TopologyGraph, "nodes">): string[] {
  const names = new Set(graph.nodes.flatMap((n) => (n.kind === "network" && n.networkName ? [n.networkName] : [])));
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** Nodes that belong to the named network: it, its ports, taps, VMs and uplink. Null means no filter. */
export function visibleForNetwork(graph: Pick<TopologyGraph, "nodes">, network: string | null): Set<string> | null {
  if (!network) return null;
  return new Set(graph.nodes.filter((n) => n.networks.includes(network)).map((n) => n.id));
}

function matches(node: TopologyNode, needle: string): boolean {
  if (node.label.toLowerCase().includes(needle)) return true;
  if (node.sublabels.some((s) => s.toLowerCase().includes(needle))) return true;
  return node.details.some((d) => d.value.toLowerCase().includes(needle));
}

/** Nodes whose label, sublabels or details contain the query (case-insensitive); empty query → none. */
export function searchNodes(graph: Pick<TopologyGraph, "nodes">, query: string): string[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  return graph.nodes.filter((n) => matches(n, needle)).map((n) => n.id);
}
