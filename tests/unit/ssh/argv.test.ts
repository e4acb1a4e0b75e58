import { describe, expect, it } from "vitest";
import { isVirshArgv, virshArgv } from "@/lib/libvirt/virsh";
import { assertInterfaceName, isInterfaceName } from "@/lib/ssh/argv";

describe("virshArgv", () => {
  it("always runs LC_ALL=C virsh -c qemu:///system, operands after --", () => {
    expect(virshArgv("net-start", [], ["--help"])).toEqual([
      "env", "LC_ALL=C", "virsh", "-c", "qemu:///system", "net-start", "--", "--help",
    ]);
    expect(virshArgv("net-list", ["--all", "--name"])).toEqual([
      "env", "LC_ALL=C", "virsh", "-c", "qemu:///system", "net-list", "--all", "--name",
    ]);
    expect(virshArgv("net-event", ["--event", "lifecycle", "--loop"])).toContain("lifecycle");
  });

  it("refuses user text in the subcommand or the options", () => {
    expect(() => virshArgv("net-start; id")).toThrow(TypeError);
    expect(() => virshArgv("net-start", ["my net"])).toThrow(TypeError);
    expect(() => virshArgv("net-start", ["-oops"])).toThrow(TypeError);
    expect(() => virshArgv("net-start", ["$(id)"])).toThrow(TypeError);
  });

  it("is recognised as virsh (so its failures are read as libvirt's)", () => {
    expect(isVirshArgv(virshArgv("version"))).toBe(true);
    expect(isVirshArgv(["virsh", "version"])).toBe(false);
    expect(isVirshArgv(["printf", "%s"])).toBe(false);
  });
});

describe("interface names", () => {
  it.each(["eth0", "br0", "virbr10", "vnet0.100", "a", "A_b-c.d", "x".repeat(15)])("accepts %s", (name) => {
    expect(isInterfaceName(name)).toBe(true);
    expect(assertInterfaceName(name)).toBe(name);
  });

  it.each(["", "-oops", "--", ".hidden", "_x", "x".repeat(16), "a b", "a/b", "a;b", "eth0\n", "ä"])("refuses %j", (name) => {
    expect(isInterfaceName(name)).toBe(false);
    expect(() => assertInterfaceName(name)).toThrow(TypeError);
  });
});
