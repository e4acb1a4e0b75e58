import { describe, expect, it } from "vitest";
import { vmNicRows } from "@/lib/domain/interfaces/vm-nic-state";
import type { VmInterface } from "@/lib/domain/host/snapshot";

const nic = (mac: string): VmInterface => ({ type: "network", network: "default", mac, linkState: "up", ips: [] });
const A = "52:54:00:00:00:0a";
const B = "52:54:00:00:00:0b";

describe("a VM's NICs, live beside persistent", () => {
  it("shows a NIC in both as attached", () => {
    expect(vmNicRows(true, [nic(A)], [nic(A)], new Set()).map((r) => r.presence)).toEqual(["attached"]);
  });

  it("shows a live NIC whose removal was asked as pending, never as gone", () => {
    expect(vmNicRows(true, [nic(A), nic(B)], [nic(A)], new Set([B])).find((r) => r.mac === B)?.presence).toBe("removal-pending");
  });

  it("does not call a live-only NIC pending when nobody asked to remove it", () => {
    expect(vmNicRows(true, [nic(B)], [], new Set()).map((r) => r.presence)).toEqual(["live-only"]);
  });

  it("shows a definition-only NIC of a running VM as next-boot, and every NIC of a stopped VM as attached", () => {
    expect(vmNicRows(true, [], [nic(A)], new Set()).map((r) => r.presence)).toEqual(["next-boot"]);
    expect(vmNicRows(false, [], [nic(A)], new Set([A])).map((r) => r.presence)).toEqual(["attached"]);
  });
});
