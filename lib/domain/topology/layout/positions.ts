import type { ElkNodeJson } from "./elk-graph";

// Where everything ended up. Node boxes are relative to their parent (a
// host group in the fleet view, else the canvas), which is also how
// @xyflow/react positions child nodes, so they pass through unchanged.

export type Box = { x: number; y: number; width: number; height: number; parent?: string };

export type TopologyLayout = {
  nodes: Record<string, Box>;
  groups: Record<string, Box>;
};

export const EMPTY_LAYOUT: TopologyLayout = { nodes: {}, groups: {} };

function box(n: ElkNodeJson, parent?: string): Box {
  const b: Box = { x: n.x ?? 0, y: n.y ?? 0, width: n.width ?? 0, height: n.height ?? 0 };
  return parent ? { ...b, parent } : b;
}

/** Reads ELK's answer. `groupIds` tells group boxes from node boxes. */
export function readElkLayout(root: ElkNodeJson, groupIds: ReadonlySet<string>): TopologyLayout {
  const layout: TopologyLayout = { nodes: {}, groups: {} };
  for (const child of root.children ?? []) {
    if (groupIds.has(child.id)) {
      layout.groups[child.id] = box(child);
      for (const n of child.children ?? []) layout.nodes[n.id] = box(n, child.id);
    } else {
      layout.nodes[child.id] = box(child);
    }
  }
  return layout;
}

const GROUP_GAP = 40;

/** Hosts one under the other in the given order: easier to scan than ELK's packing of unconnected boxes. */
export function stackGroups(layout: TopologyLayout, order: string[]): TopologyLayout {
  let y = 0;
  const groups: Record<string, Box> = {};
  for (const id of order) {
    const g = layout.groups[id];
    if (!g) continue;
    groups[id] = { ...g, x: 0, y };
    y += g.height + GROUP_GAP;
  }
  return { nodes: layout.nodes, groups };
}
