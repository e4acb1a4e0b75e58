import type { TopologyGraph } from "../graph";
import { toElkGraph, type ElkEngine } from "./elk-graph";
import { readElkLayout, stackGroups, type TopologyLayout } from "./positions";
import { reusePositions } from "./stable-positions";

/**
 * Lays a graph out with the given ELK engine; with `previous`, nodes it
 * already placed stay put. Runs unchanged in the browser's worker and in node.
 */
export async function layoutTopology(elk: ElkEngine, graph: TopologyGraph, previous?: TopologyLayout): Promise<TopologyLayout> {
  const result = await elk.layout(toElkGraph(graph));
  const order = graph.groups.map((g) => g.id);
  const fresh = stackGroups(readElkLayout(result, new Set(order)), order);
  return previous ? reusePositions(previous, fresh) : fresh;
}
