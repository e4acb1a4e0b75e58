import { describe, expect, it } from "vitest";
import { hostChangePlan, RUNTIME_ONLY_NOTE } from "@/lib/libvirt/interfaces/host-plans";
import { attachPlan, detachPlan, setLinkPlan } from "@/lib/libvirt/interfaces/vm-nic-plans";
import { ip } from "@/lib/libvirt/interfaces/ip-argv";

const host = { id: "h1", name: "hv-a" };
const UUID = "6b0c1f9e-8f5e-4d8c-9d3e-0a1b2c3d4e5f";
const VIRSH = ["env", "LC_ALL=C", "virsh", "-c", "qemu:///system"];
const MAC = "52:54:00:12:34:56";

describe("bridge and TAP plans", () => {
  it("creates a bridge with ip, shows brctl addbr beside it, and says it is runtime-only", () => {
    const plan = hostChangePlan(host, { change: "create-bridge", name: "syif-br0" });
    expect(plan.steps.map((s) => s.argv)).toEqual([["ip", "link", "add", "name", "syif-br0", "type", "bridge"], ["ip", "link", "set", "dev", "syif-br0", "up"]]);
    expect(plan.steps[0]!.title).toContain("brctl addbr syif-br0");
    expect(plan.steps[0]!.undo?.argv).toEqual(["ip", "link", "del", "dev", "syif-br0"]);
    expect(plan.notes).toContain(RUNTIME_ONLY_NOTE);
  });

  it("maps each change to its iproute2 argv and brctl equivalent", () => {
    const cases = [
      [{ change: "create-tap", name: "syif-t" }, ["ip", "tuntap", "add", "dev", "syif-t", "mode", "tap"], "ip tuntap add dev syif-t mode tap"],
      [{ change: "add-port", port: "syif-t", bridge: "syif-b" }, ["ip", "link", "set", "dev", "syif-t", "master", "syif-b"], "brctl addif syif-b syif-t"],
      [{ change: "remove-port", port: "syif-t", bridge: "syif-b" }, ["ip", "link", "set", "dev", "syif-t", "nomaster"], "brctl delif syif-b syif-t"],
      [{ change: "delete-tap", name: "syif-t" }, ["ip", "link", "del", "dev", "syif-t"], "ip tuntap del dev syif-t mode tap"],
      [{ change: "delete-bridge", name: "syif-b" }, ["ip", "link", "del", "dev", "syif-b"], "brctl delbr syif-b"],
    ] as const;
    for (const [change, argv, brctl] of cases) {
      const plan = hostChangePlan(host, change);
      expect(plan.steps[0]!.argv).toEqual(argv);
      expect(plan.steps[0]!.title).toContain(brctl);
      expect(plan.action).toBe(`interface.${change.change}`);
    }
  });

  it("never builds an argv from a name iproute2 would read as an option", () => {
    expect(() => ip.del("-oops")).toThrow(TypeError);
    expect(() => ip.master("tap0", "help")).toThrow(TypeError);
  });
});

describe("VM NIC plans", () => {
  const running = { uuid: UUID, name: "db1", state: "running" as const };
  const stopped = { ...running, state: "shutoff" as const };

  it("attaches with --config, and --live only when the VM runs; operands after --", () => {
    const live = attachPlan(host, running, { kind: "network", network: "--evil" }, "virtio", MAC);
    expect(live.steps[0]!.argv).toEqual([...VIRSH, "attach-interface", "--model", "virtio", "--mac", MAC, "--config", "--live", "--", UUID, "network", "--evil"]);
    const cold = attachPlan(host, stopped, { kind: "bridge", bridge: "br0" }, "e1000e", MAC);
    expect(cold.steps[0]!.argv).toEqual([...VIRSH, "attach-interface", "--model", "e1000e", "--mac", MAC, "--config", "--", UUID, "bridge", "br0"]);
  });

  // virsh attach-interface always writes vepa for type=direct, so macvtap goes through attach-device.
  it("attaches macvtap with attach-device and the XML (with its mode) on stdin", () => {
    const plan = attachPlan(host, running, { kind: "direct", dev: "eth2", mode: "bridge" }, "virtio", MAC);
    expect(plan.steps[0]!.argv).toEqual([...VIRSH, "attach-device", "--config", "--live", "--", UUID, "/dev/stdin"]);
    expect(plan.steps[0]!.stdin).toContain("<source dev='eth2' mode='bridge'/>");
    expect(plan.xml).toBe(plan.steps[0]!.stdin);
  });

  it("removes from the definition first (with a way back), then asks the running guest", () => {
    const plan = detachPlan(host, running, MAC, "network", { type: "network", network: "default", mac: MAC, model: "virtio", linkState: "up" }, true);
    expect(plan.steps.map((s) => s.argv.slice(5))).toEqual([
      ["detach-interface", "--mac", MAC, "--config", "--", UUID, "network"],
      ["detach-interface", "--mac", MAC, "--live", "--", UUID, "network"],
    ]);
    expect(plan.steps[0]!.undo?.argv).toContain("--config");
    expect(plan.notes.join(" ")).toMatch(/pending/);
  });

  it("sets the link live and in the definition", () => {
    const plan = setLinkPlan(host, running, MAC, "down", true);
    expect(plan.steps.map((s) => s.argv.slice(5))).toEqual([["domif-setlink", "--", UUID, MAC, "down"], ["domif-setlink", "--config", "--", UUID, MAC, "down"]]);
  });
});
