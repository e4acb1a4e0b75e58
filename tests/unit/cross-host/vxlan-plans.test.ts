import { describe, expect, it } from "vitest";
import { createParts, leavePart, type CrossHostSegment } from "@/lib/domain/cross-host";
import { crossHostSteps, pendingCommands } from "@/lib/libvirt/vxlan-plans";

const segment: CrossHostSegment = {
  name: "seg1",
  vni: 77,
  mtu: 1450,
  gatewayHostId: "A",
  addressing: { mode: "isolated", address: "10.91.0.0", prefix: 24, dhcp: { start: "10.91.0.10", end: "10.91.0.20" } },
  hosts: [
    { hostId: "A", hostName: "hv-a", underlay: "198.18.0.130", underlayMtu: 1500 },
    { hostId: "B", hostName: "hv-b", underlay: "198.18.0.131", underlayMtu: 1500 },
  ],
};

describe("cross-host plan steps", () => {
  const steps = crossHostSteps(createParts(segment));

  it("names the host of every step and its undo, gateway first", () => {
    expect(steps.every((s) => s.host && (!s.undo || s.undo.host?.id === s.host.id))).toBe(true);
    const firstB = steps.findIndex((s) => s.host!.name === "hv-b");
    expect(steps.slice(0, firstB).every((s) => s.host!.name === "hv-a")).toBe(true);
    expect(steps[0]!.title).toBe("hv-a: Define network seg1");
  });

  it("runs virsh with the network's name after --, and the XML on stdin", () => {
    expect(steps[0]!.argv.slice(-3)).toEqual(["net-define", "--", "/dev/stdin"]);
    expect(steps[0]!.stdin).toContain("<name>seg1</name>");
    expect(steps[0]!.undo!.argv.slice(-3)).toEqual(["net-undefine", "--", "seg1"]);
    expect(steps.at(-1)!.argv.slice(-3)).toEqual(["net-start", "--", "seg1"]);
  });

  it("writes a down host's removal as plain argv lists", () => {
    const all = leavePart(segment, segment.hosts[1]!, { networkDefined: true, networkActive: true, vxlan: true, bridge: true });
    const argv = pendingCommands(all);
    expect(argv[0]).toEqual(["ip", "link", "del", "syvx77"]);
    expect(argv.at(-1)).toEqual(["ip", "link", "del", "sybr77"]);
    expect(argv.slice(1, 3).map((a) => a.slice(-3))).toEqual([["net-destroy", "--", "seg1"], ["net-undefine", "--", "seg1"]]);
  });
});
