import type { TopologyFacts } from "./facts";
import type { TopologyGraph } from "./graph";
import { GraphDraft } from "./draft";
import { addNetworks, addUplinks } from "./network-nodes";
import { addDomains } from "./domain-nodes";
import { addLinks } from "./link-nodes";
import { addConfiguredEdges, addLiveEdges } from "./port-edges";
import { countVmTaps, foldTaps } from "./fold-taps";
import { addOvsBridges, addOvsPorts, withOvsMasters } from "./ovs-nodes";
import { drawDeviceExits } from "./device-exits";

export type BuildOptions = {
  /** Fold taps into VM→network edges when a graph has more VM interfaces than this. */
  foldTapsAbove?: number;
};

export const DEFAULT_FOLD_TAPS_ABOVE = 200;

/**
 * The operator's choice of "Show VM interfaces": null leaves it to the size of
 * the graph (fold past DEFAULT_FOLD_TAPS_ABOVE), true never folds, false
 * always does (VM → network edges, even on a small host).
 */
export function tapsShownOptions(shown: boolean | null): BuildOptions {
  if (shown === null) return {};
  return { foldTapsAbove: shown ? Infinity : -1 };
}

/** A tap belongs to the network it is a port of; a VM to its interfaces' networks. */
function propagateNetworks(draft: GraphDraft) {
  const edges = draft.edges;
  for (const e of edges) {
    const target = draft.get(e.target);
    if (e.kind === "port" && target?.kind === "network" && target.networkName) draft.tag(e.source, target.networkName);
  }
  for (const e of edges) {
    if (e.kind !== "interface") continue;
    for (const net of draft.get(e.target)?.networks ?? []) draft.tag(e.source, net);
  }
}

/** One host's graph from its facts. Pure: equal facts give equal graphs. */
export function buildHostGraph(host: string, facts: TopologyFacts, options: BuildOptions = {}): TopologyGraph {
  const draft = new GraphDraft(host);
  // Order matters: networks and VM interfaces claim their virbrN / vnetN first,
  // so addLinks only creates nodes for what is left.
  // Open vSwitch ports get their switch as master (the kernel does not say it), then draw as bridge ports.
  const links = withOvsMasters(facts.links, facts.ovs);
  addNetworks(draft, facts.networks);
  addDomains(draft, facts.domains);
  addOvsBridges(draft, facts.ovs);
  addLinks(draft, links, facts.addresses);
  addOvsPorts(draft, facts.ovs);
  addLiveEdges(draft, links, facts.bridgePorts);
  addConfiguredEdges(draft, facts.domains, facts.networks, links);
  addUplinks(draft, facts.networks, facts.routes);
  propagateNetworks(draft);
  const graph = drawDeviceExits({ nodes: draft.nodes, edges: draft.edges, groups: [], folded: false }, host, facts.networks);
  const limit = options.foldTapsAbove ?? DEFAULT_FOLD_TAPS_ABOVE;
  return countVmTaps(graph) > limit ? foldTaps(graph) : graph;
}
