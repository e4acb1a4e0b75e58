// "Create a bridged network" links open the wizard on the bridged connection
// with the bridge chosen, and only with a bridge the host read lists.
import { describe, expect, it } from "vitest";
import { preselectHostBridge } from "@/lib/domain/network";
import { wizardValues } from "./helpers";

const bridges = [{ name: "br0", ovs: false }, { name: "ovsbr0", ovs: true }, { name: "lanbr0", ovs: false }];

describe("preselectHostBridge", () => {
  it("chooses the bridged connection and the named bridge", () => {
    const v = preselectHostBridge(wizardValues(), bridges, { mode: "bridge", bridge: "lanbr0" });
    expect(v.connection).toBe("bridge");
    expect(v.device).toMatchObject({ hostBridge: "lanbr0", ovs: false });
  });

  it("carries an Open vSwitch bridge's kind", () => {
    expect(preselectHostBridge(wizardValues(), bridges, { mode: "bridge", bridge: "ovsbr0" }).device).toMatchObject({ hostBridge: "ovsbr0", ovs: true });
  });

  it.each([
    ["a bridge the host does not have", { mode: "bridge", bridge: "nope0" }],
    ["another mode", { mode: "nat", bridge: "br0" }],
    ["a repeated parameter", { mode: "bridge", bridge: ["br0", "br1"] }],
    ["no parameters", {}],
  ])("changes nothing for %s", (_what, query) => {
    const base = wizardValues();
    expect(preselectHostBridge(base, bridges, query)).toEqual(base);
  });
});
