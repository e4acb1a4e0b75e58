import type { TopologyGraph, TopologyNodeKind } from "../graph";

// The ELK input for a topology graph, as plain JSON: it crosses into a Web
// Worker, so it must survive structured cloning. Types are the subset of
// elkjs's ElkNode we use, declared here so lib/domain does not import elkjs.

export type ElkEdgeJson = { id: string; sources: string[]; targets: string[] };
export type ElkNodeJson = {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  layoutOptions?: Record<string, string>;
  children?: ElkNodeJson[];
  edges?: ElkEdgeJson[];
};

/** Anything that lays out an ElkNodeJson: elkjs in node (bench) or behind a Worker (browser). */
export interface ElkEngine {
  layout(graph: ElkNodeJson): Promise<ElkNodeJson>;
}

/** Fixed sizes per kind: the drawn nodes use the same ones, so ELK's spacing holds on screen. */
export const NODE_SIZE: Record<TopologyNodeKind, { width: number; height: number }> = {
  vm: { width: 170, height: 56 },
  tap: { width: 160, height: 56 },
  network: { width: 200, height: 92 },
  bridge: { width: 170, height: 56 },
  nic: { width: 170, height: 56 },
  lan: { width: 150, height: 56 },
};

export const GROUP_PADDING = { top: 44, left: 20, bottom: 20, right: 20 };

const BASE: Record<string, string> = {
  "elk.algorithm": "layered",
  // VMs on the left, the wire on the right: the way traffic leaves the host.
  "elk.direction": "RIGHT",
  "elk.spacing.nodeNode": "20",
  "elk.layered.spacing.nodeNodeBetweenLayers": "70",
};

/** Past this many nodes, crossing minimisation trades polish for time (measured: about 3× faster at 300 nodes). */
const FAST_LAYOUT_ABOVE = 150;
const FAST: Record<string, string> = {
  "elk.layered.thoroughness": "1",
  "elk.layered.crossingMinimization.greedySwitch.type": "OFF",
};

export function toElkGraph(graph: TopologyGraph): ElkNodeJson {
  // ELK is deterministic for a given input order, and the builder sorts by ID.
  const LAYERED = graph.nodes.length > FAST_LAYOUT_ABOVE ? { ...BASE, ...FAST } : BASE;
  const nodeJson = (id: string, kind: TopologyNodeKind): ElkNodeJson => ({ id, ...NODE_SIZE[kind] });
  const edges = graph.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] }));
  if (graph.groups.length === 0) {
    return { id: "root", layoutOptions: LAYERED, children: graph.nodes.map((n) => nodeJson(n.id, n.kind)), edges };
  }
  const hostOfNode = new Map(graph.nodes.map((n) => [n.id, n.host]));
  const padding = `[top=${GROUP_PADDING.top},left=${GROUP_PADDING.left},bottom=${GROUP_PADDING.bottom},right=${GROUP_PADDING.right}]`;
  const children = graph.groups.map((g) => ({
    id: g.id,
    layoutOptions: { ...LAYERED, "elk.padding": padding },
    // An unreachable host still gets a box, big enough for its label.
    ...(graph.nodes.some((n) => n.host === g.host) ? {} : { width: 260, height: 80 }),
    children: graph.nodes.filter((n) => n.host === g.host).map((n) => nodeJson(n.id, n.kind)),
    // Only edges inside this box: one that spans boxes (a cross-host segment) is drawn by the canvas, not laid out.
    edges: edges.filter((e) => hostOfNode.get(e.sources[0]!) === g.host && hostOfNode.get(e.targets[0]!) === g.host),
  }));
  // Boxes are laid out alone; stacked top to bottom, each host reads left to right.
  return { id: "root", layoutOptions: { ...LAYERED, "elk.spacing.nodeNode": "40", "elk.spacing.componentComponent": "40" }, children };
}
