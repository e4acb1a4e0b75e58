import type { TopologyGraph, TopologyNode, TopologyNodeKind } from "@/lib/domain/topology";

// Reading a built graph the way the spec talks about it: by kind and label.

export function node(graph: TopologyGraph, kind: TopologyNodeKind, label: string): TopologyNode {
  const found = graph.nodes.find((n) => n.kind === kind && n.label === label);
  if (!found) throw new Error(`no ${kind} ${label}; have ${graph.nodes.map((n) => `${n.kind}:${n.label}`).join(", ")}`);
  return found;
}

/** Outgoing edges of a node as "kind→targetLabel[label]" strings, easy to assert on. */
export function out(graph: TopologyGraph, from: TopologyNode): string[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return graph.edges
    .filter((e) => e.source === from.id)
    .map((e) => `${e.kind}→${byId.get(e.target)?.label}${e.label ? `[${e.label}]` : ""}${e.configured ? "(configured)" : ""}`)
    .sort();
}

export function kinds(graph: TopologyGraph): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const n of graph.nodes) counts[n.kind] = (counts[n.kind] ?? 0) + 1;
  return counts;
}
