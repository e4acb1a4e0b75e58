import { GROUP_PADDING } from "./elk-graph";
import type { Box, TopologyLayout } from "./positions";

// A live refresh must not move what the operator is looking at. Known nodes
// keep their previous boxes exactly; a new node takes ELK's fresh position,
// shifted by how far ELK moved the known nodes around it (the median shift),
// then pushed down until it overlaps nothing. Known groups keep their place
// and only grow.

const GAP = 16;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;
}

/** Places `fresh` boxes whose IDs `previous` lacks among those it has, without moving the latter. */
function merge(previous: Record<string, Box>, fresh: Record<string, Box>, sameContainer: (a: Box, b: Box) => boolean) {
  const out: Record<string, Box> = {};
  const dx: number[] = [];
  const dy: number[] = [];
  for (const [id, b] of Object.entries(fresh)) {
    const old = previous[id];
    if (!old || old.parent !== b.parent) continue;
    out[id] = { ...b, x: old.x, y: old.y };
    dx.push(old.x - b.x);
    dy.push(old.y - b.y);
  }
  const shift = { x: median(dx), y: median(dy) };
  const placed = Object.values(out);
  for (const [id, b] of Object.entries(fresh)) {
    if (out[id]) continue;
    const moved = { ...b, x: b.x + shift.x, y: b.y + shift.y };
    while (placed.some((p) => sameContainer(p, moved) && overlaps(p, moved))) moved.y += moved.height + GAP;
    out[id] = moved;
    placed.push(moved);
  }
  return out;
}

/** Grows each group to hold its children as they now sit. */
function fitGroups(groups: Record<string, Box>, nodes: Record<string, Box>) {
  for (const n of Object.values(nodes)) {
    const g = n.parent ? groups[n.parent] : undefined;
    if (!g) continue;
    g.width = Math.max(g.width, n.x + n.width + GROUP_PADDING.right);
    g.height = Math.max(g.height, n.y + n.height + GROUP_PADDING.bottom);
  }
}

export function reusePositions(previous: TopologyLayout, fresh: TopologyLayout): TopologyLayout {
  const nodes = merge(previous.nodes, fresh.nodes, (a, b) => a.parent === b.parent);
  const groups = merge(previous.groups, fresh.groups, () => true);
  fitGroups(groups, nodes);
  return { nodes, groups };
}
