import { describe, expect, it } from "vitest";
import { buildHostGraph } from "@/lib/domain/topology";
import { labFacts } from "./support/lab-facts";
import { node, out } from "./support/graph-queries";

// The spec's graph bullets, checked on what the lab really printed.

describe("hv-a (real lab facts)", () => {
  const facts = labFacts("hv-a");
  const graph = buildHostGraph("hv-a", facts);
  const web1Tap = facts.domains.find((d) => d.name === "web1")!.interfaces[0]!.target!;

  it("draws web1 → its vnet tap → virbr0 (default) → NAT → eth0", () => {
    expect(out(graph, node(graph, "vm", "web1"))).toEqual([`interface→${web1Tap}`]);
    expect(out(graph, node(graph, "tap", web1Tap))).toEqual(["port→default"]);
    const net = node(graph, "network", "default");
    expect(net.sublabels).toEqual(["virbr0", "NAT", "192.168.122.1/24"]);
    expect(out(graph, net)).toEqual(["uplink→eth0[NAT]"]);
    expect(node(graph, "nic", "eth0").state).toBe("up");
  });

  it("has one node for a network and its bridge, none for lo", () => {
    expect(graph.nodes.some((n) => n.label === "virbr0")).toBe(false);
    expect(graph.nodes.some((n) => n.label === "lo")).toBe(false);
  });

  it("shows br0 with eth1 as its port, and the free NIC eth2 on its own", () => {
    expect(out(graph, node(graph, "nic", "eth1"))).toEqual(["port→br0"]);
    expect(node(graph, "bridge", "br0").kind).toBe("bridge");
    expect(out(graph, node(graph, "nic", "eth2"))).toEqual([]);
  });

  it("gives VMs their state and taps their live link state", () => {
    expect(node(graph, "vm", "web1").state).toBe("running");
    expect(node(graph, "tap", web1Tap).state).toBe("up");
    expect(node(graph, "tap", web1Tap).networks).toEqual(["default"]);
    expect(node(graph, "vm", "web1").networks).toEqual(["default"]);
  });

  it("keys nodes by host, kind and uuid/name/MAC", () => {
    const web1 = facts.domains.find((d) => d.name === "web1")!;
    expect(node(graph, "vm", "web1").id).toBe(`hv-a:vm:${web1.uuid}`);
    expect(node(graph, "tap", web1Tap).id).toBe(`hv-a:tap:${web1.interfaces[0]!.mac}`);
    expect(node(graph, "nic", "eth0").id).toBe("hv-a:nic:eth0");
  });

  it("is deterministic and keeps tap IDs when a restart renames vnetN", () => {
    expect(buildHostGraph("hv-a", facts)).toEqual(graph);
    const renamed = structuredClone(facts);
    const dom = renamed.domains.find((d) => d.name === "web1")!;
    const link = renamed.links.find((l) => l.ifname === web1Tap)!;
    dom.interfaces[0]!.target = link.ifname = "vnet99";
    const again = buildHostGraph("hv-a", renamed);
    expect(node(again, "tap", "vnet99").id).toBe(node(graph, "tap", web1Tap).id);
  });
});

describe("hv-b (real lab facts)", () => {
  const graph = buildHostGraph("hv-b", labFacts("hv-b"));

  it("draws the inactive isolated network staging with no uplink edge", () => {
    const staging = node(graph, "network", "staging");
    expect(staging.state).toBe("inactive");
    expect(staging.sublabels).toContain("Isolated");
    expect(out(graph, staging)).toEqual([]);
  });
});

describe("hv-b with an extra guest (macvtap on eth2, a br0 port, an isolated network)", () => {
  const facts = labFacts("hv-b-extra");
  const graph = buildHostGraph("hv-b", facts);
  const vm = facts.domains.find((d) => d.name === "topo-fx-vm")!;
  const [macvtap, bridged, isolated] = vm.interfaces.map((i) => i.target!);

  it("hangs the macvtap interface off its lower NIC", () => {
    expect(macvtap).toMatch(/^macvtap/);
    expect(out(graph, node(graph, "tap", macvtap!))).toEqual(["lower→eth2[macvtap]"]);
  });

  it("makes the bridged tap a port of br0, next to eth1", () => {
    expect(out(graph, node(graph, "tap", bridged!))).toEqual(["port→br0"]);
    expect(out(graph, node(graph, "nic", "eth1"))).toEqual(["port→br0"]);
  });

  it("gives the active isolated network its tap but no uplink", () => {
    const iso = node(graph, "network", "topo-fx-iso");
    expect(iso.state).toBe("active");
    expect(out(graph, iso)).toEqual([]);
    expect(out(graph, node(graph, "tap", isolated!))).toEqual(["port→topo-fx-iso"]);
  });

  it("links the VM to all three interfaces", () => {
    expect(out(graph, node(graph, "vm", "topo-fx-vm"))).toEqual([`interface→${bridged}`, `interface→${isolated}`, `interface→${macvtap}`].sort());
  });

  it("draws a shut-off VM's interface from its configuration, dashed", () => {
    const db1 = facts.domains.find((d) => d.name === "db1")!;
    expect(db1.state).toBe("shutoff");
    const tap = graph.nodes.find((n) => n.id === `hv-b:tap:${db1.interfaces[0]!.mac}`)!;
    expect(tap.state).toBe("down");
    expect(out(graph, tap)).toEqual(["port→default(configured)"]);
    expect(node(graph, "vm", "db1").state).toBe("stopped");
  });
});
