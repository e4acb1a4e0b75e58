import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSnapshotOutput } from "@/lib/domain/host/snapshot-parse";
import { findNetworkByName } from "@/lib/domain/host/snapshot-vms";
import { networkChangePlan, refusal } from "@/lib/libvirt/network-plans";

const out = readFileSync(path.join(__dirname, "../host-snapshot/fixtures/hv-b.out"), "utf8");
const { snapshot } = parseSnapshotOutput(out, "0123456789abcdef0123456789abcdef");
const host = { id: "h1", name: "hv-b" };
const def = findNetworkByName(snapshot, "default")!;
const staging = findNetworkByName(snapshot, "staging")!;
const hostile = findNetworkByName(snapshot, "<img src=x onerror=alert(1)>")!;
const virsh = ["env", "LC_ALL=C", "virsh", "-c", "qemu:///system"];

describe("lifecycle plans", () => {
  it("addresses the network by UUID, after --, never by name", () => {
    for (const change of ["start", "stop", "autostart-on", "autostart-off", "delete"] as const) {
      const plan = networkChangePlan(change, host, snapshot, hostile);
      for (const step of plan.steps) {
        expect(step.argv.slice(0, 5)).toEqual(virsh);
        expect(step.argv.slice(-2)).toEqual(["--", hostile.uuid]);
        expect(step.argv.join(" ")).not.toContain("<img");
      }
    }
  });

  it("stop lists the running VMs attached", () => {
    const plan = networkChangePlan("stop", host, snapshot, def);
    expect(plan.steps.map((s) => s.argv[5])).toEqual(["net-destroy"]);
    expect(plan.notes[0]).toMatch(/2 running VMs attached: db1 \(running\), web1 \(running\)/);
    expect(plan.steps[0]!.undo?.argv).toEqual([...virsh, "net-start", "--", def.uuid]);
  });

  it("delete of an active network destroys, then undefines, and asks for the typed name", () => {
    const plan = networkChangePlan("delete", host, snapshot, def);
    expect(plan.steps.map((s) => s.argv[5])).toEqual(["net-destroy", "net-undefine"]);
    expect(plan.confirmPhrase).toBe("default");
    expect(plan.notes[0]).toMatch(/db1.*web1/);
    expect(plan.nextHref).toBe("/hosts/hv-b/networks");
  });

  it("says what happens to attached VMs only when there are some", () => {
    expect(networkChangePlan("stop", host, snapshot, def).notes).toContain("Their interfaces lose connectivity until the network is started again.");
    expect(networkChangePlan("delete", host, snapshot, staging).notes).toEqual(["No VM is attached to this network."]);
  });

  it("delete of an inactive network only undefines", () => {
    expect(networkChangePlan("delete", host, snapshot, staging).steps.map((s) => s.argv[5])).toEqual(["net-undefine"]);
  });

  it("autostart steps undo to the previous setting", () => {
    const on = networkChangePlan("autostart-on", host, snapshot, staging).steps[0]!;
    expect(on.argv).toEqual([...virsh, "net-autostart", "--", staging.uuid]);
    expect(on.undo?.argv).toEqual([...virsh, "net-autostart", "--disable", "--", staging.uuid]);
  });

  it("refuses changes the state does not allow", () => {
    expect(refusal("start", def)).toMatch(/already running/);
    expect(refusal("stop", staging)).toMatch(/not running/);
    expect(refusal("delete", def)).toBeNull();
  });
});
