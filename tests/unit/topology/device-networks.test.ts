import { describe, expect, it } from "vitest";
import { buildHostGraph, foldTaps } from "@/lib/domain/topology";
import { vlanText, withOvsMasters } from "@/lib/domain/topology/ovs-nodes";
import { labFacts, networkFromXml } from "./support/lab-facts";
import { kinds, node, out } from "./support/graph-queries";

// hv-a as captured while a bridged network (br0), an Open vSwitch network
// (ovsbr0, portgroups vlan10/vlan20) and a macvtap pool (eth2) existed, with a
// guest on each, the OVS NIC in vlan20 (tests/fixtures/topology/capture-device.ts).

describe("device networks on hv-a (real lab facts)", () => {
  const facts = labFacts("hv-a-device");
  const graph = buildHostGraph("hv-a", facts);
  const guest = node(graph, "vm", "topo-fx-dev");
  const tapOn = (network: string) => graph.nodes.find((n) => n.kind === "tap" && n.details.some((d) => d.label === "Network" && d.value === network))!;

  it("draws the bridged network → br0 → its NIC eth1 → the LAN, and the guest's tap as a port of br0", () => {
    expect(out(graph, node(graph, "network", "topo-fx-br"))).toEqual(["uplink→br0[Bridge]"]);
    expect(out(graph, node(graph, "bridge", "br0"))).toEqual(["uplink→eth1"]);
    expect(out(graph, node(graph, "nic", "eth1"))).toEqual(["uplink→via eth1"]);
    expect(node(graph, "lan", "via eth1").state).toBe("up");
    expect(out(graph, tapOn("topo-fx-br"))).toEqual(["port→br0"]);
  });

  it("draws the OVS bridge from OVSDB, not as a tap: the guest's port tagged VLAN 20, the trunk uplink to the LAN", () => {
    const ovs = node(graph, "bridge", "ovsbr0");
    expect(ovs.sublabels).toEqual(["Open vSwitch", "userspace datapath"]);
    expect(graph.nodes.filter((n) => n.label === "ovsbr0" || n.label === "ovs-netdev").map((n) => n.kind)).toEqual(["bridge"]);
    expect(out(graph, node(graph, "network", "topo-fx-ovs"))).toEqual(["uplink→ovsbr0[Open vSwitch]"]);
    const port = tapOn("topo-fx-ovs");
    expect(out(graph, port)).toEqual(["port→ovsbr0[VLAN 20]"]);
    expect(port.details).toEqual(expect.arrayContaining([{ label: "Portgroup", value: "vlan20" }, { label: "VLAN", value: "20" }]));
    expect(out(graph, ovs)).toEqual(["uplink→ovs-lan[all VLANs]"]);
    expect(out(graph, node(graph, "nic", "ovs-lan"))).toEqual(["uplink→via ovs-lan"]);
  });

  it("draws the macvtap pool → eth2 → the LAN, with the guest's macvtap device on eth2", () => {
    expect(out(graph, node(graph, "network", "topo-fx-mvt"))).toEqual(["uplink→eth2[macvtap bridge]"]);
    const macvtap = tapOn("topo-fx-mvt");
    expect(macvtap.label).toMatch(/^macvtap\d+$/);
    expect(out(graph, macvtap)).toEqual(["lower→eth2[macvtap]"]);
    expect(out(graph, node(graph, "nic", "eth2"))).toEqual(["uplink→via eth2"]);
  });

  it("links the guest to all three, and the network filter keeps each chain whole", () => {
    expect(out(graph, guest)).toHaveLength(3);
    const member = (name: string) => graph.nodes.filter((n) => n.networks.includes(name)).map((n) => `${n.kind}:${n.label}`).sort();
    expect(member("topo-fx-br")).toEqual(["bridge:br0", "lan:via eth1", "network:topo-fx-br", "nic:eth1", `tap:${tapOn("topo-fx-br").label}`, "vm:topo-fx-dev"]);
    expect(member("topo-fx-mvt")).toEqual(["lan:via eth2", "network:topo-fx-mvt", "nic:eth2", `tap:${tapOn("topo-fx-mvt").label}`, "vm:topo-fx-dev"]);
  });

  it("leaves the baseline alone: no LAN node without a device network, eth1 still a port of br0", () => {
    const base = buildHostGraph("hv-a", labFacts("hv-a"));
    expect(kinds(base).lan).toBeUndefined();
    expect(out(base, node(base, "nic", "eth1"))).toEqual(["port→br0"]);
  });

  it("folds the guest's taps into VM → bridge / NIC edges and keeps the chains", () => {
    const folded = foldTaps(graph);
    expect(out(folded, node(folded, "vm", "topo-fx-dev"))).toEqual(["folded→br0", "folded→eth2", "folded→ovsbr0"]);
    expect(out(folded, node(folded, "bridge", "br0"))).toEqual(["uplink→eth1"]);
  });
});

describe("an SR-IOV pool", () => {
  it("is drawn → its physical function → the LAN", () => {
    const facts = labFacts("hv-a");
    facts.networks.push(networkFromXml("<network><name>sy-vf</name><forward mode='hostdev' managed='yes'><pf dev='eth2'/></forward></network>", false));
    const graph = buildHostGraph("hv-a", facts);
    expect(out(graph, node(graph, "network", "sy-vf"))).toEqual(["uplink→eth2[SR-IOV](configured)"]);
    expect(out(graph, node(graph, "nic", "eth2"))).toEqual(["uplink→via eth2"]);
  });
});

describe("Open vSwitch ports", () => {
  it("read their VLANs as OVS applies them", () => {
    expect(vlanText({ tag: 10, trunks: [] })).toBe("VLAN 10");
    expect(vlanText({ trunks: [10, 20] })).toBe("trunk 10,20");
    expect(vlanText({ trunks: [] })).toBe("all VLANs");
  });

  it("take their switch as master, a bond's members their bond, and the kernel datapath's ovs-system is replaced", () => {
    const ovs = { bridges: [{ name: "ovsbr0", ports: [
      { name: "vnet5", tag: 10, trunks: [], interfaces: [{ name: "vnet5", type: "" }] },
      { name: "bond0", trunks: [], interfaces: [{ name: "eth3", type: "" }, { name: "eth4", type: "" }] },
      { name: "ovsbr0", trunks: [], interfaces: [{ name: "ovsbr0", type: "internal" }] },
    ] }] };
    const links = ["vnet5", "eth3", "eth4", "ovsbr0"].map((ifname, i) => ({ ifindex: i + 1, ifname, up: true, ...(i === 0 ? { master: "ovs-system", kind: "tun" } : {}) }));
    expect(withOvsMasters(links, ovs).map((l) => `${l.ifname}:${l.master ?? "-"}`)).toEqual(["vnet5:ovsbr0", "eth3:bond0", "eth4:bond0", "ovsbr0:-"]);
    const graph = buildHostGraph("h", { links, ovs, bridgePorts: [], routes: [], addresses: [], networks: [], domains: [] });
    expect(out(graph, node(graph, "nic", "bond0"))).toEqual(["port→ovsbr0[all VLANs]"]);
    expect(out(graph, node(graph, "nic", "eth3"))).toEqual(["port→bond0"]);
    expect(out(graph, node(graph, "tap", "vnet5"))).toEqual(["port→ovsbr0[VLAN 10]"]);
  });
});

describe("a bridged network on a bridge whose port is a VXLAN device", () => {
  it("leaves by the VXLAN port and draws no LAN past it (its peers are the cross-host segment's to draw)", () => {
    const facts = labFacts("hv-a");
    facts.links.push({ ifindex: 90, ifname: "sy-seg", kind: "bridge", up: true, operstate: "UP" }, { ifindex: 91, ifname: "vxlan100", kind: "vxlan", master: "sy-seg", up: true, operstate: "UNKNOWN" });
    facts.networks.push(networkFromXml("<network><name>sy-seg-net</name><forward mode='bridge'/><bridge name='sy-seg'/></network>", true));
    const graph = buildHostGraph("hv-a", facts);
    expect(out(graph, node(graph, "bridge", "sy-seg"))).toEqual(["uplink→vxlan100"]);
    expect(out(graph, node(graph, "nic", "vxlan100"))).toEqual([]);
  });
});
