import { describe, expect, it } from "vitest";
import { attachSpecSchema, type AttachSpec } from "@/lib/domain/interfaces/attach-spec";
import { attachProblems } from "@/lib/domain/interfaces/attach-rules";
import { attachChoices } from "@/lib/domain/interfaces/attach-choices";
import { hostB, SSH_ADDRESS } from "./fixture";

const s = hostB();
const web1 = s.domains.find((d) => d.name === "web1")!;
const db1 = s.domains.find((d) => d.name === "db1")!;
const spec = (source: AttachSpec["source"], mac: AttachSpec["mac"] = { kind: "generated" }): AttachSpec => ({ source, model: "virtio", mac });

describe("attach spec", () => {
  it("takes the three sources, the three models and a typed or generated MAC", () => {
    expect(attachSpecSchema.safeParse({ source: { kind: "direct", dev: "eth2", mode: "bridge" }, model: "e1000e", mac: { kind: "typed", address: "52:54:00:00:00:01" } }).success).toBe(true);
    expect(attachSpecSchema.safeParse({ source: { kind: "network", network: "default" }, model: "ne2k_pci", mac: { kind: "generated" } }).success).toBe(false);
    expect(attachSpecSchema.safeParse({ source: { kind: "direct", dev: "eth2", mode: "bogus" }, model: "virtio", mac: { kind: "generated" } }).success).toBe(false);
    expect(attachSpecSchema.safeParse({ source: { kind: "bridge", bridge: "-oops" }, model: "virtio", mac: { kind: "generated" } }).success).toBe(false);
  });
});

describe("attach rules", () => {
  it("accepts a running network, a host bridge and macvtap on a free NIC", () => {
    expect(attachProblems(s, SSH_ADDRESS, web1, spec({ kind: "network", network: "default" }))).toEqual({});
    expect(attachProblems(s, SSH_ADDRESS, web1, spec({ kind: "bridge", bridge: "br0" }))).toEqual({});
    expect(attachProblems(s, SSH_ADDRESS, web1, spec({ kind: "direct", dev: "eth2", mode: "bridge" }))).toEqual({});
  });

  it("refuses a missing or stopped network for a running VM, but not for a stopped one", () => {
    expect(attachProblems(s, SSH_ADDRESS, web1, spec({ kind: "network", network: "nope" })).source).toMatch(/no network nope/);
    const stopped = { ...s, networks: s.networks.map((n) => ({ ...n, active: false })) };
    expect(attachProblems(stopped, SSH_ADDRESS, web1, spec({ kind: "network", network: "default" })).source).toMatch(/not running/);
    expect(attachProblems(stopped, SSH_ADDRESS, db1, spec({ kind: "network", network: "default" }))).toEqual({});
  });

  it("refuses macvtap on a bridge port (EBUSY), naming the bridge, and on a non-NIC", () => {
    expect(attachProblems(s, SSH_ADDRESS, web1, spec({ kind: "direct", dev: "eth1", mode: "bridge" })).source).toMatch(/port of bridge br0/);
    expect(attachProblems(s, SSH_ADDRESS, web1, spec({ kind: "direct", dev: "br0", mode: "vepa" })).source).toMatch(/is a bridge/);
    expect(attachProblems(s, SSH_ADDRESS, web1, spec({ kind: "direct", dev: "eth0", mode: "passthrough" })).source).toMatch(/SSH session/);
  });

  it("refuses a typed MAC another VM has, naming it", () => {
    const taken = web1.interfaces[0]!.mac!;
    expect(attachProblems(s, SSH_ADDRESS, db1, spec({ kind: "bridge", bridge: "br0" }, { kind: "typed", address: taken })).mac).toMatch(/by VM web1/);
  });

  it("offers bridges and only NICs outside any bridge for macvtap", () => {
    const choices = attachChoices(s);
    expect(choices.bridges).toContain("br0");
    expect(choices.macvtapDevs).toContain("eth2");
    expect(choices.macvtapDevs).not.toContain("eth1");
  });
});
