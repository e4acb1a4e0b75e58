import { MarkerType, type Edge } from "@xyflow/react";
import type { TopologyGraph, TopologyLayout } from "@/lib/domain/topology";
import type { TopologyFlowNode } from "./topology-node";
import type { HostGroupFlowNode } from "./host-group-node";
import { KIND_NAME } from "./state-style";
import { hostTopologyHref } from "@/lib/routes";

export type FlowNode = TopologyFlowNode | HostGroupFlowNode;

/** What the toolbar decided: which nodes to show (null = all) and which to highlight. */
export type ViewFilter = { visible: Set<string> | null; highlighted: Set<string> };

// Graph + layout → @xyflow/react elements. Nodes a filter hides stay in the
// list as hidden, so showing them again needs no new layout.
export function toFlowNodes(graph: TopologyGraph, layout: TopologyLayout, view: ViewFilter): FlowNode[] {
  const groups: HostGroupFlowNode[] = graph.groups.flatMap((g) => {
    const box = layout.groups[g.id];
    if (!box) return [];
    return [{
      id: g.id,
      type: "hostGroup",
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      data: { label: g.label, href: hostTopologyHref(g.host) },
      selectable: false,
      ariaLabel: `Host ${g.host}`,
    }];
  });
  const searching = view.highlighted.size > 0;
  const nodes: TopologyFlowNode[] = graph.nodes.flatMap((n) => {
    const box = layout.nodes[n.id];
    if (!box) return [];
    return [{
      id: n.id,
      type: "topology",
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      ...(box.parent ? { parentId: box.parent } : {}),
      hidden: view.visible ? !view.visible.has(n.id) : false,
      data: { model: n, highlighted: view.highlighted.has(n.id), dimmed: searching && !view.highlighted.has(n.id) },
      ariaLabel: `${KIND_NAME[n.kind]} ${n.label}`,
      domAttributes: { "data-kind": n.kind, "data-state": n.state } as Record<string, string>,
    }];
  });
  return [...groups, ...nodes];
}

export function toFlowEdges(graph: TopologyGraph, layout: TopologyLayout, view: ViewFilter): Edge[] {
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const shown = (id: string) => !view.visible || view.visible.has(id);
  // Until the worker places a new node, its edges wait with it.
  const placed = graph.edges.filter((e) => layout.nodes[e.source] && layout.nodes[e.target]);
  return placed.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    ...(e.label ? { label: e.label } : {}),
    hidden: !shown(e.source) || !shown(e.target),
    // Read by people with screen readers and by the browser tests: "default → eth0 (NAT)".
    ariaLabel: `${label.get(e.source)} → ${label.get(e.target)}${e.label ? ` (${e.label})` : ""}`,
    domAttributes: { "data-kind": e.kind } as Record<string, string>,
    markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
    style: e.configured ? { strokeDasharray: "6 4" } : e.kind === "uplink" ? { strokeWidth: 2 } : undefined,
    labelBgPadding: [4, 2] as [number, number],
  }));
}
