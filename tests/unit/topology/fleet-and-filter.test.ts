import { describe, expect, it } from "vitest";
import { buildFleetGraph, buildHostGraph, networkNames, searchNodes, visibleForNetwork } from "@/lib/domain/topology";
import { labFacts } from "./support/lab-facts";
import { node } from "./support/graph-queries";

describe("the fleet graph", () => {
  const fleet = buildFleetGraph([
    { host: "hv-b", facts: labFacts("hv-b") },
    { host: "hv-a", facts: labFacts("hv-a") },
    { host: "hv-down", error: "unreachable" },
  ]);

  it("has one group per host, in name order, including a host that could not be read", () => {
    expect(fleet.groups.map((g) => g.label)).toEqual(["hv-a", "hv-b", "hv-down (unreachable)"]);
  });

  it("is the union of the host graphs, with no ID clashes", () => {
    const a = buildHostGraph("hv-a", labFacts("hv-a"));
    const b = buildHostGraph("hv-b", labFacts("hv-b"));
    expect(fleet.nodes).toHaveLength(a.nodes.length + b.nodes.length);
    expect(new Set(fleet.nodes.map((n) => n.id)).size).toBe(fleet.nodes.length);
    expect(fleet.nodes.filter((n) => n.label === "default").map((n) => n.host).sort()).toEqual(["hv-a", "hv-b"]);
  });

  it("folds on the fleet's total", () => {
    expect(buildFleetGraph([{ host: "hv-a", facts: labFacts("hv-a") }, { host: "hv-b", facts: labFacts("hv-b") }], { foldTapsAbove: 3 }).folded).toBe(true);
  });
});

describe("filtering and search", () => {
  const graph = buildHostGraph("hv-a", labFacts("hv-a"));

  it("lists network names once each", () => {
    expect(networkNames(graph)).toEqual(["default"]);
    expect(networkNames(buildFleetGraph([{ host: "a", facts: labFacts("hv-a") }, { host: "b", facts: labFacts("hv-b") }]))).toEqual(["default", "staging"]);
  });

  it("keeps a network's VMs, taps and uplink, and drops the rest", () => {
    const visible = visibleForNetwork(graph, "default")!;
    for (const [kind, label] of [["vm", "web1"], ["vm", "db1"], ["network", "default"], ["nic", "eth0"]] as const) {
      expect(visible.has(node(graph, kind, label).id)).toBe(true);
    }
    expect(visible.has(node(graph, "bridge", "br0").id)).toBe(false);
    expect(visible.has(node(graph, "nic", "eth2").id)).toBe(false);
    expect(visibleForNetwork(graph, null)).toBeNull();
  });

  it("finds nodes by name, MAC or address, case-insensitively", () => {
    expect(searchNodes(graph, "WEB1")).toContain(node(graph, "vm", "web1").id);
    expect(searchNodes(graph, "192.168.122")).toContain(node(graph, "network", "default").id);
    const mac = labFacts("hv-a").domains.find((d) => d.name === "web1")!.interfaces[0]!.mac!;
    expect(searchNodes(graph, mac.toUpperCase()).length).toBeGreaterThan(0);
    expect(searchNodes(graph, "  ")).toEqual([]);
  });

  it("keeps a hostile network name as plain text in the label", () => {
    const facts = labFacts("hv-a");
    const hostile = "<img src=x onerror=alert(1)>";
    facts.networks[0]!.name = hostile;
    const g = buildHostGraph("hv-a", facts);
    expect(node(g, "network", hostile).networkName).toBe(hostile);
  });
});
