import type { TopologyEdge, TopologyGraph } from "./graph";
import { edgeId } from "./ids";

// Past a few hundred interfaces the tap column dominates the drawing and the
// layout time. Folding replaces vm → tap → X with one vm → X edge per
// (VM, target) pair; taps that belong to no VM stay, since nothing else shows them.

export function countVmTaps(graph: Pick<TopologyGraph, "edges">): number {
  return graph.edges.filter((e) => e.kind === "interface").length;
}

export function foldTaps(graph: TopologyGraph): TopologyGraph {
  const vmOfTap = new Map<string, string>();
  for (const e of graph.edges) if (e.kind === "interface") vmOfTap.set(e.target, e.source);
  const folded = new Map<string, { edge: TopologyEdge; count: number; allConfigured: boolean }>();
  const kept: TopologyEdge[] = [];
  for (const e of graph.edges) {
    if (e.kind === "interface") continue;
    const vm = vmOfTap.get(e.source);
    if (!vm) {
      if (!vmOfTap.has(e.target)) kept.push(e);
      continue;
    }
    const id = edgeId(vm, e.target, "folded");
    const prev = folded.get(id);
    const configured = !!e.configured;
    if (prev) {
      prev.count += 1;
      prev.allConfigured &&= configured;
    } else {
      folded.set(id, { edge: { id, source: vm, target: e.target, kind: "folded" }, count: 1, allConfigured: configured });
    }
  }
  const foldedEdges = [...folded.values()].map(({ edge, count, allConfigured }) => ({
    ...edge,
    ...(count > 1 ? { label: `${count} interfaces` } : {}),
    ...(allConfigured ? { configured: true } : {}),
  }));
  return {
    ...graph,
    nodes: graph.nodes.filter((n) => !vmOfTap.has(n.id)),
    edges: [...kept, ...foldedEdges].sort((a, b) => a.id.localeCompare(b.id)),
    folded: true,
  };
}
