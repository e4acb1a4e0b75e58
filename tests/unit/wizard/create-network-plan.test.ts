import { describe, expect, it } from "vitest";
import { defaultWizardValues, wizardToSpec } from "@/lib/domain/network";
import { createNetworkPlan, createNetworkSteps } from "@/lib/changes/create-network";
import { hostFactsOf } from "@/lib/wizard/host-facts";
import { SNAPSHOT } from "./snapshot";

const UUID = "0f0e0d0c-0b0a-4908-8706-050403020100";
const VIRSH = ["env", "LC_ALL=C", "virsh", "-c", "qemu:///system"];
const host = { id: "h1", name: "hv-a" };

describe("the create-network plan", () => {
  it("defines from stdin, then starts and autostarts by the request's UUID", () => {
    const steps = createNetworkSteps(UUID, true);
    expect(steps.map((s) => s.argv)).toEqual([
      [...VIRSH, "net-define", "--validate", "--", "/dev/stdin"],
      [...VIRSH, "net-start", "--", UUID],
      [...VIRSH, "net-autostart", "--", UUID],
    ]);
  });

  it("rolls back only by that UUID: destroy what it started, undefine what it defined", () => {
    const [define, start, autostart] = createNetworkSteps(UUID, true);
    expect(define!.undo!.argv).toEqual([...VIRSH, "net-undefine", "--", UUID]);
    expect(start!.undo!.argv).toEqual([...VIRSH, "net-destroy", "--", UUID]);
    expect(autostart!.undo).toBeUndefined();
  });

  it("leaves autostart out when the operator unticks it", () => {
    expect(createNetworkSteps(UUID, false)).toHaveLength(2);
  });

  it("carries the XML with the UUID on define's stdin and in the plan (the audit record)", () => {
    const values = defaultWizardValues(hostFactsOf(SNAPSHOT), (n) => new Uint8Array(n));
    const plan = createNetworkPlan(host, { ...wizardToSpec(values, { uuid: UUID }), uuid: UUID }, true);
    expect(plan.xml).toContain(`<uuid>${UUID}</uuid>`);
    expect(plan.steps[0]!.stdin).toBe(plan.xml);
    expect(plan.steps.slice(1).every((s) => s.stdin === undefined)).toBe(true);
    expect(plan.action).toBe("network.create");
    expect(plan.nextHref).toBe("/hosts/hv-a/networks/network1");
  });
});
