import { describe, expect, it } from "vitest";
import { countUuids, parseVirshVersion } from "@/lib/hosts/virsh-version";

describe("reading virsh output", () => {
  it("takes the daemon's libvirt version and the running QEMU's", () => {
    const out = "Compiled against library: libvirt 9.0.0\nUsing library: libvirt 9.0.0\nUsing API: QEMU 9.0.0\nRunning hypervisor: QEMU 7.2.0\nRunning against daemon: 9.0.0\n";
    expect(parseVirshVersion(out)).toEqual({ libvirt: "9.0.0", qemu: "7.2.0" });
    expect(parseVirshVersion("Using library: libvirt 8.1.0\n")).toEqual({ libvirt: "8.1.0", qemu: null });
  });

  it("counts objects by UUID lines, whatever their names hold", () => {
    expect(countUuids("0e0c2a4e-1c5a-4d55-9a4e-2f9d2f7b1c11\n\n7d3f0a3b-5b1e-4f0c-8a47-3c5b7e9a2d10\nerror: x\n")).toBe(2);
    expect(countUuids("")).toBe(0);
  });
});
