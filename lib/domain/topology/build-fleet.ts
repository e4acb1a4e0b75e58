import type { TopologyFacts } from "./facts";
import type { TopologyGraph } from "./graph";
import { buildHostGraph, DEFAULT_FOLD_TAPS_ABOVE, type BuildOptions } from "./build-host";
import { countVmTaps, foldTaps } from "./fold-taps";
import { groupId } from "./ids";

// The fleet view: every host's graph side by side, each in a group of its own.
// Node IDs already start with the host, so graphs concatenate without clashes.
// Folding is decided on the whole fleet, since that is what gets drawn.

export type FleetHost = { host: string; facts?: TopologyFacts; error?: string };

export function buildFleetGraph(hosts: FleetHost[], options: BuildOptions = {}): TopologyGraph {
  const ordered = [...hosts].sort((a, b) => a.host.localeCompare(b.host));
  const graphs = ordered.map((h) => (h.facts ? buildHostGraph(h.host, h.facts, { foldTapsAbove: Infinity }) : undefined));
  const graph: TopologyGraph = {
    nodes: graphs.flatMap((g) => g?.nodes ?? []),
    edges: graphs.flatMap((g) => g?.edges ?? []),
    groups: ordered.map((h) => ({ id: groupId(h.host), host: h.host, label: h.error ? `${h.host} (${h.error})` : h.host })),
    folded: false,
  };
  const limit = options.foldTapsAbove ?? DEFAULT_FOLD_TAPS_ABOVE;
  return countVmTaps(graph) > limit ? foldTaps(graph) : graph;
}
