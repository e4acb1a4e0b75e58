import { describe, expect, it } from "vitest";
import ELK from "elkjs/lib/elk.bundled.js";
import { buildFleetGraph, buildHostGraph, layoutTopology, type Box, type ElkEngine, type TopologyFacts } from "@/lib/domain/topology";
import { labFacts } from "./support/lab-facts";
import { node } from "./support/graph-queries";

// The same layout code the browser's worker runs, with elkjs in node.
const elk = new ELK() as unknown as ElkEngine;

function overlapping(boxes: [string, Box][]): string[] {
  const hits: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [ia, a] = boxes[i]!;
      const [ib, b] = boxes[j]!;
      if (a.parent !== b.parent) continue;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) hits.push(`${ia} × ${ib}`);
    }
  }
  return hits;
}

/** hv-a after an out-of-band `virsh attach-interface web1 network default` and a new NIC eth3. */
function withNewInterface(facts: TopologyFacts): TopologyFacts {
  const next = structuredClone(facts);
  next.domains.find((d) => d.name === "web1")!.interfaces.push({ type: "network", network: "default", target: "vnet9", mac: "52:54:00:99:99:99", model: "virtio", linkState: "up", ips: [] });
  next.links.push({ ifname: "vnet9", ifindex: 90, master: "virbr0", operstate: "UNKNOWN", up: true, kind: "tun" });
  next.links.push({ ifname: "eth3", ifindex: 91, operstate: "UP", up: true, kind: "veth" });
  return next;
}

describe("ELK layout of a host", () => {
  it("places every node, without overlaps, reading VM → tap → network → uplink left to right", async () => {
    const graph = buildHostGraph("hv-a", labFacts("hv-a"));
    const layout = await layoutTopology(elk, graph);
    expect(Object.keys(layout.nodes).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(overlapping(Object.entries(layout.nodes))).toEqual([]);
    const x = (kind: Parameters<typeof node>[1], label: string) => layout.nodes[node(graph, kind, label).id]!.x;
    expect(x("vm", "web1")).toBeLessThan(x("network", "default"));
    expect(x("network", "default")).toBeLessThan(x("nic", "eth0"));
  });

  it("keeps known nodes exactly in place when the graph grows, and fits new ones in", async () => {
    const before = buildHostGraph("hv-a", labFacts("hv-a"));
    const first = await layoutTopology(elk, before);
    const after = buildHostGraph("hv-a", withNewInterface(labFacts("hv-a")));
    const second = await layoutTopology(elk, after, first);
    for (const n of before.nodes) expect(second.nodes[n.id]).toEqual(first.nodes[n.id]);
    expect(second.nodes[node(after, "tap", "vnet9").id]).toBeDefined();
    expect(second.nodes[node(after, "nic", "eth3").id]).toBeDefined();
    expect(overlapping(Object.entries(second.nodes))).toEqual([]);
  });
});

describe("ELK layout of the fleet", () => {
  it("boxes each host, children relative to their box, boxes apart", async () => {
    const graph = buildFleetGraph([{ host: "hv-a", facts: labFacts("hv-a") }, { host: "hv-b", facts: labFacts("hv-b") }, { host: "hv-down", error: "unreachable" }]);
    const layout = await layoutTopology(elk, graph);
    expect(Object.keys(layout.groups).sort()).toEqual(["hv-a:host", "hv-b:host", "hv-down:host"]);
    expect(overlapping(Object.entries(layout.groups))).toEqual([]);
    for (const n of graph.nodes) {
      const box = layout.nodes[n.id]!;
      const group = layout.groups[box.parent!]!;
      expect(box.parent).toBe(`${n.host}:host`);
      expect(box.x + box.width).toBeLessThanOrEqual(group.width);
      expect(box.y + box.height).toBeLessThanOrEqual(group.height);
    }
  });
});
