import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildHostGraph } from "@/lib/domain/topology";
import { labFacts, networkFromXml } from "./support/lab-facts";
import { node, out } from "./support/graph-queries";

// Every forward mode's uplink, on networks libvirt really dumped in the lab
// (tests/fixtures/libvirt, captured on hv-a) added to hv-a's real links.

const DUMPS = path.resolve(__dirname, "../../fixtures/libvirt/dumpxml");
const dumped = (name: string) => networkFromXml(readFileSync(path.join(DUMPS, `sy-test-model-${name}.live.xml`), "utf8"), true);

describe("uplink edges per forward mode", () => {
  const facts = labFacts("hv-a");
  facts.networks.push(...["nat", "route", "open", "isolated", "bridge", "macvtap"].map(dumped));
  const graph = buildHostGraph("hv-a", facts);
  const uplinks = (name: string) => out(graph, node(graph, "network", `sy-test-model-${name}`));

  it("NAT and Routed leave by their forward dev", () => {
    expect(uplinks("nat")).toEqual(["uplink→eth0[NAT]"]);
    expect(uplinks("route")).toEqual(["uplink→eth0[Routed]"]);
  });

  it("Open leaves by the default route's device (libvirt refuses a forward dev)", () => {
    expect(uplinks("open")).toEqual(["uplink→eth0[Open]"]);
  });

  it("an isolated network has no uplink", () => {
    expect(uplinks("isolated")).toEqual([]);
  });

  it("a bridge network points at the host bridge, a macvtap pool at each of its NICs", () => {
    expect(uplinks("bridge")).toEqual(["uplink→br0[Bridge]"]);
    expect(uplinks("macvtap")).toEqual(["uplink→eth1[macvtap bridge]", "uplink→eth2[macvtap bridge]"]);
    expect(node(graph, "network", "sy-test-model-macvtap").sublabels).toContain("macvtap bridge");
  });

  it("follows the default route when a NAT network names no dev", () => {
    const moved = structuredClone(facts);
    moved.routes = moved.routes.map((r) => (r.dst === "default" ? { ...r, dev: "eth2" } : r));
    const g = buildHostGraph("hv-a", moved);
    expect(out(g, node(g, "network", "default"))).toEqual(["uplink→eth2[NAT]"]);
  });
});
