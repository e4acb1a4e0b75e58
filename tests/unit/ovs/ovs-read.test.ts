// The Open vSwitch part of the host read: ovs-vsctl's JSON (captured on lab
// host hv-b with a bond of two veths, an access port on VLAN 30 and a trunk of
// 10,20) turned into bridges, ports, tags and bonds; and the SR-IOV list.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isBond, parseOvsJson, parseSriov } from "@/lib/domain/host/snapshot-ovs";

const fixture = readFileSync(path.join(__dirname, "../../fixtures/ovs/hv-b-bond.jsonl"), "utf8");

describe("parseOvsJson", () => {
  it("reads bridges with their ports, tags, trunks and bonds", () => {
    const r = parseOvsJson(fixture);
    if (!r.ok) throw new Error(r.error);
    expect(r.state.bridges.map((b) => b.name)).toEqual(["ovsbr0"]);
    const ports = Object.fromEntries(r.state.bridges[0]!.ports.map((p) => [p.name, p]));
    expect(ports["sy-b0b"]).toMatchObject({ tag: 30, trunks: [] });
    expect(ports["sy-b1b"]).toMatchObject({ trunks: [10, 20] });
    expect(ports["sy-b1b"]!.tag).toBeUndefined();
    expect(ports["sy-bond0"]!.interfaces.map((i) => i.name).sort()).toEqual(["sy-b0a", "sy-b1a"]);
    expect(isBond(ports["sy-bond0"]!)).toBe(true);
    expect(isBond(ports["ovs-lan"]!)).toBe(false);
    expect(ports.ovsbr0!.interfaces).toEqual([{ name: "ovsbr0", type: "internal" }]);
  });

  it("says what ovs-vsctl said when it could not answer", () => {
    expect(parseOvsJson("ovs-vsctl: unix:/var/run/openvswitch/db.sock: database connection failed (Permission denied)\n")).toEqual({
      ok: false,
      error: "ovs-vsctl: unix:/var/run/openvswitch/db.sock: database connection failed (Permission denied)",
    });
  });
});

describe("parseSriov", () => {
  it("keeps NIC names and VF counts, and nothing else", () => {
    expect(parseSriov("enp3s0f0 8\nenp3s0f1 0\n$(reboot) 1\n\n")).toEqual([{ ifname: "enp3s0f0", totalVfs: 8 }, { ifname: "enp3s0f1", totalVfs: 0 }]);
  });
});
