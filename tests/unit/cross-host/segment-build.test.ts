import { describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import {
  addHostParts,
  createParts,
  crossHostCreateSchema,
  leavePart,
  parseFloodPeers,
  parseVxlanLinks,
  removeHostParts,
  segmentMtu,
  suggestVni,
  type CrossHostSegment,
} from "@/lib/domain/cross-host";

const segment: CrossHostSegment = {
  name: "seg1",
  vni: 4242,
  mtu: segmentMtu([1500, 9000]),
  gatewayHostId: "A",
  addressing: { mode: "nat", address: "10.90.0.0", prefix: 24, dhcp: { start: "10.90.0.100", end: "10.90.0.200" } },
  hosts: [
    { hostId: "B", hostName: "hv-b", underlay: "198.18.0.131", underlayMtu: 9000 },
    { hostId: "A", hostName: "hv-a", underlay: "198.18.0.130", underlayMtu: 1500 },
  ],
};
const parseXml = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml).network;
const argvOf = (op: { run: { kind: string } }) => ("argv" in op.run ? (op.run as { argv: string[] }).argv : null);

describe("segment model", () => {
  it("takes the smallest underlay MTU minus VXLAN's 50 bytes, and suggests a free VNI", () => {
    expect(segment.mtu).toBe(1450);
    expect(suggestVni([10_000, 10_001])).toBe(10_002);
    expect(suggestVni([], 16_777_215)).toBe(16_777_215);
  });

  it("puts field errors on the field that caused them", () => {
    const r = crossHostCreateSchema.safeParse({
      name: "bad name", vni: 0, hosts: [{ host: "hv-a", underlay: "198.18.0.130" }, { host: "hv-a", underlay: "x" }],
      gateway: "hv-z", mode: "nat", subnet: "10.90.0.1/24", dhcpStart: "", dhcpEnd: "",
    });
    expect(r.success).toBe(false);
    const paths = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(Object.keys(paths).sort()).toEqual(["gateway", "hosts.1.host", "hosts.1.underlay", "name", "subnet", "vni"]);
    expect(paths.subnet).toContain("did you mean 10.90.0.0/24");
    const range = crossHostCreateSchema.safeParse({
      name: "seg", vni: "7", hosts: [{ host: "hv-a", underlay: "198.18.0.130" }, { host: "hv-b", underlay: "198.18.0.131" }],
      gateway: "hv-a", mode: "isolated", subnet: "10.90.0.0/24", dhcpStart: "10.90.0.1", dhcpEnd: "10.91.0.9",
    });
    expect(range.error!.issues.map((i) => i.path.join("."))).toEqual(["dhcpStart", "dhcpEnd"].filter((p) => range.error!.issues.some((i) => i.path.join(".") === p)));
    expect(range.error!.issues.find((i) => i.path[0] === "dhcpStart")!.message).toContain("gateway address 10.90.0.1");
  });
});

describe("per-host build", () => {
  const [gw, member] = createParts(segment);

  it("plans the gateway first: its NAT network owns the bridge, the subnet and DHCP, with the segment's MTU", () => {
    expect(gw!.hostName).toBe("hv-a");
    const define = gw!.ops[0]!.run;
    expect(define).toMatchObject({ kind: "virsh", command: "net-define", operand: "/dev/stdin" });
    const net = parseXml((define as { stdin: string }).stdin);
    expect(net.forward["@mode"]).toBe("nat");
    expect(net.bridge["@name"]).toBe("sybr4242");
    expect(net.mtu["@size"]).toBe("1450");
    expect(net.ip["@address"]).toBe("10.90.0.1");
    expect(net.ip.dhcp.range).toMatchObject({ "@start": "10.90.0.100", "@end": "10.90.0.200" });
    expect(gw!.ops.map(argvOf).filter(Boolean)).toEqual([
      ["ip", "link", "add", "syvx4242", "type", "vxlan", "id", "4242", "dstport", "4789", "local", "198.18.0.130", "nolearning"],
      ["ip", "link", "set", "dev", "syvx4242", "mtu", "1450"],
      ["ip", "link", "set", "dev", "syvx4242", "master", "sybr4242"],
      ["ip", "link", "set", "dev", "syvx4242", "up"],
      ["bridge", "fdb", "append", "00:00:00:00:00:00", "dev", "syvx4242", "dst", "198.18.0.131"],
    ]);
  });

  it("bridges the other hosts into it, network last, and every step that makes something has its undo", () => {
    expect(member!.hostName).toBe("hv-b");
    expect(argvOf(member!.ops[0]!)).toEqual(["ip", "link", "add", "sybr4242", "type", "bridge"]);
    expect(member!.ops[0]!.undo).toEqual({ kind: "ip", argv: ["ip", "link", "del", "sybr4242"] });
    const last = member!.ops.at(-1)!;
    expect(last.run).toMatchObject({ kind: "virsh", command: "net-start", operand: "seg1" });
    expect(last.undo).toMatchObject({ kind: "virsh", command: "net-destroy", operand: "seg1" });
    const net = parseXml((member!.ops.at(-2)!.run as { stdin: string }).stdin);
    expect(net.forward["@mode"]).toBe("bridge");
    expect(net.bridge["@name"]).toBe("sybr4242");
    expect(net.mtu).toBeUndefined();
    expect(member!.ops.find((o) => argvOf(o)?.[0] === "bridge")!.undo).toEqual({ kind: "ip", argv: ["bridge", "fdb", "del", "00:00:00:00:00:00", "dev", "syvx4242", "dst", "198.18.0.130"] });
  });

  it("adds a third host: it joins with both peers, and each current host floods to it", () => {
    const next = { ...segment, hosts: [...segment.hosts, { hostId: "C", hostName: "hv-c", underlay: "198.18.0.133", underlayMtu: 1500 }] };
    const parts = addHostParts(next, "C");
    expect(parts.map((p) => p.hostName)).toEqual(["hv-c", "hv-b", "hv-a"]);
    expect(parts[0]!.ops.filter((o) => argvOf(o)?.[2] === "append").map((o) => argvOf(o)!.at(-1))).toEqual(["198.18.0.131", "198.18.0.130"]);
    expect(parts[1]!.ops.map(argvOf)).toEqual([["bridge", "fdb", "append", "00:00:00:00:00:00", "dev", "syvx4242", "dst", "198.18.0.133"]]);
    const removal = removeHostParts(next, "C", { networkDefined: true, networkActive: true, vxlan: true, bridge: true });
    expect(removal.at(-1)!.ops.map((o) => o.title)).toEqual(["Delete VXLAN syvx4242", "Stop network seg1", "Undefine network seg1", "Delete bridge sybr4242"]);
  });

  it("removes only what a host still has; the gateway's bridge goes with its network", () => {
    const part = leavePart(segment, { hostId: "A", hostName: "hv-a" }, { networkDefined: true, networkActive: false, vxlan: true, bridge: true });
    expect(part.ops.map((o) => o.title)).toEqual(["Delete VXLAN syvx4242", "Undefine network seg1"]);
  });
});

describe("readers", () => {
  it("reads VXLAN links and flooding peers from iproute2's JSON (captured on a lab host)", () => {
    const links = parseVxlanLinks(
      '[{"ifindex":14,"ifname":"syvx4242","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1450,"master":"sybr4242","linkinfo":{"info_kind":"vxlan","info_data":{"id":4242,"local":"198.18.0.130","port":4789,"learning":false}}},{"ifname":"lo","flags":[]}]',
    );
    expect(links).toEqual([{ ifname: "syvx4242", vni: 4242, local: "198.18.0.130", port: 4789, learning: false, master: "sybr4242", mtu: 1450, up: true }]);
    expect(parseFloodPeers('[{"mac":"00:00:00:00:00:00","ifname":"syvx4242","dst":"198.18.0.131","flags":["self"],"state":"permanent"},{"mac":"33:33:00:00:00:01","ifname":"eth0"}]')).toEqual([
      { dev: "syvx4242", dst: "198.18.0.131" },
    ]);
  });
});

describe("topology", () => {
  it("draws the VXLAN port's VNI and one node per peer past it", async () => {
    const { withSegmentPeers } = await import("@/lib/domain/cross-host");
    const nic = { id: "hv-a:nic:syvx4242", kind: "nic" as const, host: "hv-a", label: "syvx4242", sublabels: ["vxlan"], state: "up" as const, networks: [], details: [] };
    const graph = withSegmentPeers({ nodes: [nic], edges: [], groups: [], folded: false }, [segment]);
    expect(graph.nodes.map((n) => n.label)).toEqual(["syvx4242", "hv-b (VXLAN peer)"]);
    expect(graph.nodes[0]!.sublabels[0]).toBe("VXLAN 4242 · seg1");
    expect(graph.edges).toEqual([expect.objectContaining({ source: "hv-a:nic:syvx4242", target: "hv-a:lan:vxlan-4242-hv-b", kind: "uplink", label: "VNI 4242" })]);
  });

  it("draws the fleet's segment as one edge per non-gateway host from the gateway's VXLAN port, left out of each box's layout", async () => {
    const { withSegmentSpans } = await import("@/lib/domain/cross-host");
    const { toElkGraph } = await import("@/lib/domain/topology/layout/elk-graph");
    const port = (host: string) => ({ id: `${host}:nic:syvx4242`, kind: "nic" as const, host, label: "syvx4242", sublabels: ["vxlan"], state: "up" as const, networks: [], details: [] });
    const groups = ["hv-a", "hv-b"].map((host) => ({ id: `group:${host}`, host, label: host }));
    const graph = withSegmentSpans({ nodes: [port("hv-a"), port("hv-b")], edges: [], groups, folded: false }, [segment]);
    expect(graph.nodes.map((n) => n.label)).toEqual(["syvx4242", "syvx4242"]); // no peer nodes in the fleet
    expect(graph.nodes.every((n) => n.sublabels[0] === "VXLAN 4242 · seg1")).toBe(true);
    expect(graph.edges).toEqual([expect.objectContaining({ source: "hv-a:nic:syvx4242", target: "hv-b:nic:syvx4242", label: "VNI 4242 · seg1" })]);
    const elk = toElkGraph(graph);
    expect(elk.children!.flatMap((box) => box.edges ?? [])).toEqual([]);
    // Without the gateway's box there is no hub to draw spokes from.
    expect(withSegmentSpans({ nodes: [port("hv-b")], edges: [], groups, folded: false }, [segment]).edges).toEqual([]);
  });
});
