import { describe, expect, it } from "vitest";
import { buildHostGraph, DEFAULT_FOLD_TAPS_ABOVE, syntheticFacts, tapsShownOptions } from "@/lib/domain/topology";
import { labFacts } from "./support/lab-facts";
import { kinds, node, out } from "./support/graph-queries";

describe("folding taps at large sizes", () => {
  it("keeps taps while the graph has no more VM interfaces than the threshold", () => {
    const graph = buildHostGraph("hv-a", labFacts("hv-a"), { foldTapsAbove: 2 });
    expect(graph.folded).toBe(false);
    expect(kinds(graph).tap).toBe(2);
  });

  it("folds vm → tap → network into vm → network past the threshold", () => {
    const graph = buildHostGraph("hv-a", labFacts("hv-a"), { foldTapsAbove: 1 });
    expect(graph.folded).toBe(true);
    expect(kinds(graph).tap).toBeUndefined();
    expect(out(graph, node(graph, "vm", "web1"))).toEqual(["folded→default"]);
    expect(out(graph, node(graph, "network", "default"))).toEqual(["uplink→eth0[NAT]"]);
  });

  it("folds a macvtap into vm → lower NIC and keeps configured edges dashed", () => {
    const graph = buildHostGraph("hv-b", labFacts("hv-b-extra"), { foldTapsAbove: 0 });
    expect(out(graph, node(graph, "vm", "topo-fx-vm"))).toEqual(["folded→br0", "folded→eth2", "folded→topo-fx-iso"]);
    expect(out(graph, node(graph, "vm", "db1"))).toEqual(["folded→default(configured)"]);
  });

  it("counts several interfaces of one VM on one network on a single edge", () => {
    const facts = syntheticFacts(1, 4, 4);
    const graph = buildHostGraph("s", facts, { foldTapsAbove: 0 });
    expect(graph.edges.filter((e) => e.kind === "folded")).toEqual([expect.objectContaining({ label: "4 interfaces" })]);
  });
});

describe("a synthetic host with 50 networks and 500 VM interfaces", () => {
  const facts = syntheticFacts(50, 500);

  it("builds, folded by default", () => {
    expect(500).toBeGreaterThan(DEFAULT_FOLD_TAPS_ABOVE);
    const graph = buildHostGraph("big", facts);
    expect(graph.folded).toBe(true);
    expect(kinds(graph)).toEqual({ network: 50, vm: 250, nic: 2, bridge: 1 });
    expect(graph.edges.filter((e) => e.kind === "folded")).toHaveLength(500);
    // Isolated networks (every sixth) have no uplink; the rest leave by eth0.
    const isolated = facts.networks.filter((n) => n.spec?.mode === "isolated").length;
    expect(isolated).toBe(8);
    expect(graph.edges.filter((e) => e.kind === "uplink")).toHaveLength(50 - isolated);
  });

  it("builds unfolded when asked, with every tap", () => {
    const graph = buildHostGraph("big", facts, { foldTapsAbove: Infinity });
    expect(kinds(graph).tap).toBe(500);
    expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(graph.nodes.length);
  });
});

describe("the operator's Show VM interfaces choice", () => {
  it("left alone, folds by size: hv-a keeps its taps, a host past the threshold folds", () => {
    expect(buildHostGraph("hv-a", labFacts("hv-a"), tapsShownOptions(null)).folded).toBe(false);
    expect(buildHostGraph("s", syntheticFacts(1, DEFAULT_FOLD_TAPS_ABOVE + 1, 1), tapsShownOptions(null)).folded).toBe(true);
  });

  it("off folds even a small host; on draws every tap of a large one", () => {
    const small = buildHostGraph("hv-a", labFacts("hv-a"), tapsShownOptions(false));
    expect(small.folded).toBe(true);
    expect(kinds(small).tap).toBeUndefined();
    const large = buildHostGraph("s", syntheticFacts(1, DEFAULT_FOLD_TAPS_ABOVE + 1, 1), tapsShownOptions(true));
    expect(large.folded).toBe(false);
    expect(kinds(large).tap).toBe(DEFAULT_FOLD_TAPS_ABOVE + 1);
  });
});
