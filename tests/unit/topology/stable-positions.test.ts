import { describe, expect, it } from "vitest";
import { reusePositions, type TopologyLayout } from "@/lib/domain/topology";

// Position reuse on its own: what the worker does between two ELK answers.

const box = (x: number, y: number, parent?: string) => ({ x, y, width: 100, height: 40, ...(parent ? { parent } : {}) });

describe("reusePositions", () => {
  it("keeps known nodes, drops gone ones, and shifts new ones by ELK's median move", () => {
    const previous: TopologyLayout = { nodes: { a: box(0, 0), b: box(200, 0), gone: box(400, 0) }, groups: {} };
    // ELK moved everything 50 right and placed the new node c below b.
    const fresh: TopologyLayout = { nodes: { a: box(50, 0), b: box(250, 0), c: box(250, 100) }, groups: {} };
    const merged = reusePositions(previous, fresh);
    expect(merged.nodes).toEqual({ a: box(0, 0), b: box(200, 0), c: box(200, 100) });
  });

  it("pushes a new node down until it overlaps nothing", () => {
    const previous: TopologyLayout = { nodes: { a: box(0, 0), b: box(0, 56) }, groups: {} };
    const fresh: TopologyLayout = { nodes: { a: box(0, 0), b: box(0, 56), c: box(0, 20) }, groups: {} };
    const c = reusePositions(previous, fresh).nodes.c!;
    for (const other of [box(0, 0), box(0, 56)]) expect(c.y >= other.y + other.height || c.y + c.height <= other.y).toBe(true);
  });

  it("keeps a host box in place and grows it to hold its new children", () => {
    const previous: TopologyLayout = { nodes: { a: box(20, 44, "g") }, groups: { g: { x: 0, y: 0, width: 140, height: 104 } } };
    const fresh: TopologyLayout = { nodes: { a: box(20, 44, "g"), b: box(20, 300, "g") }, groups: { g: { x: 0, y: 500, width: 140, height: 120 } } };
    const merged = reusePositions(previous, fresh);
    expect(merged.groups.g).toMatchObject({ x: 0, y: 0 });
    expect(merged.groups.g!.height).toBeGreaterThanOrEqual(300 + 40);
  });
});
