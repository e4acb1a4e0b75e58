import { describe, expect, it } from "vitest";
import { buildHostGraph, snapshotToTopologyFacts, type TopologyGraph } from "@/lib/domain/topology";
import { labFacts } from "./support/lab-facts";
import { labSnapshot } from "./support/lab-snapshot";

// The host reader's HostSnapshot and the raw lab output must draw the same
// graph: same nodes (by ID, kind, label, state) and the same edges.

const shape = (g: TopologyGraph) => ({
  nodes: g.nodes.map((n) => `${n.id} ${n.kind} ${n.label} ${n.state} [${n.networks.join(",")}] ${n.sublabels.filter((s) => s !== "veth" && s !== "bridge").join("|")}`),
  edges: g.edges,
});

describe("snapshotToTopologyFacts", () => {
  for (const host of ["hv-a", "hv-b", "hv-b-extra"]) {
    it(`draws ${host}'s snapshot like its raw facts`, () => {
      const fromSnapshot = buildHostGraph("h", snapshotToTopologyFacts(labSnapshot(host)));
      const fromRaw = buildHostGraph("h", labFacts(host));
      expect(shape(fromSnapshot)).toEqual(shape(fromRaw));
    });
  }

  it("carries a guest's leased addresses and a NIC whose link is set down", () => {
    const snapshot = labSnapshot("hv-a");
    const web1 = snapshot.domains.find((d) => d.name === "web1")!;
    web1.interfaces[0] = { ...web1.interfaces[0]!, ips: ["192.168.122.50"], linkState: "down" };
    const graph = buildHostGraph("hv-a", snapshotToTopologyFacts(snapshot));
    const tap = graph.nodes.find((n) => n.label === web1.interfaces[0]!.target)!;
    expect(tap.state).toBe("down");
    expect(tap.details).toContainEqual({ label: "Address", value: "192.168.122.50" });
  });

  it("still draws a network whose XML the model could not read", () => {
    const snapshot = labSnapshot("hv-a");
    snapshot.networks[0] = { ...snapshot.networks[0]!, spec: null, parseError: "unreadable" };
    const graph = buildHostGraph("hv-a", snapshotToTopologyFacts(snapshot));
    const net = graph.nodes.find((n) => n.kind === "network")!;
    expect(net.sublabels.slice(0, 2)).toEqual(["virbr0", "NAT"]);
  });
});
