import { describe, expect, it } from "vitest";
import { routesFromJson } from "@/lib/domain/host/snapshot-ip";
import { buildHostGraph, defaultRouteDev } from "@/lib/domain/topology";
import { labFacts } from "./support/lab-facts";
import { node, out } from "./support/graph-queries";

// The builder reads the host reader's HostSnapshot as it is: the same
// snapshot the network pages get, so a live page and the fixtures agree.

describe("a host's snapshot, drawn", () => {
  it("draws a shut-off guest in virsh's words", () => {
    const graph = buildHostGraph("hv-b", labFacts("hv-b-extra"));
    expect(node(graph, "vm", "db1").sublabels).toEqual(["shut off"]);
  });

  it("carries a guest's leased addresses and a NIC whose link is set down", () => {
    const snapshot = labFacts("hv-a");
    const web1 = snapshot.domains.find((d) => d.name === "web1")!;
    web1.interfaces[0] = { ...web1.interfaces[0]!, ips: ["192.168.122.50"], linkState: "down" };
    const graph = buildHostGraph("hv-a", snapshot);
    const tap = graph.nodes.find((n) => n.label === web1.interfaces[0]!.target)!;
    expect(tap.state).toBe("down");
    expect(tap.details).toContainEqual({ label: "Address", value: "192.168.122.50" });
  });

  it("still draws a network whose XML the model could not read", () => {
    const snapshot = labFacts("hv-a");
    snapshot.networks[0] = { ...snapshot.networks[0]!, spec: null, parseError: "unreadable" };
    const graph = buildHostGraph("hv-a", snapshot);
    const net = graph.nodes.find((n) => n.kind === "network")!;
    expect(net.sublabels.slice(0, 2)).toEqual(["virbr0", "NAT"]);
  });
});

describe("the default route's device", () => {
  // `ip -j route` as a host with two uplinks prints it: the metric decides, an absent one is 0.
  const routes = routesFromJson([
    { dst: "default", gateway: "192.0.2.1", dev: "eth1", metric: 200 },
    { dst: "default", gateway: "198.51.100.1", dev: "eth2", metric: 100 },
    { dst: "192.0.2.0/24", dev: "eth1" },
  ], "inet");

  it("is read with its metric, and the lowest metric wins", () => {
    expect(routes.map((r) => r.metric)).toEqual([200, 100, undefined]);
    expect(defaultRouteDev(routes)).toBe("eth2");
    expect(defaultRouteDev([...routes, ...routesFromJson([{ dst: "default", dev: "eth3" }], "inet")])).toBe("eth3");
  });

  it("is where a NAT network without a forward dev leaves in the graph", () => {
    const snapshot = labFacts("hv-a");
    snapshot.routes = routes;
    const graph = buildHostGraph("hv-a", snapshot);
    expect(out(graph, node(graph, "network", "default"))).toEqual(["uplink→eth2[NAT]"]);
  });
});
