import { describe, expect, it } from "vitest";
import { WIZARD_STEPS } from "@/lib/domain/network";
import { editedFlags } from "@/components/wizard/follow";
import { LAST_STEP, STEPS, stepOfFields } from "@/components/wizard/steps";

describe("the wizard's step list", () => {
  it("is virt-manager's four pages, headed Step N of 4, each validating the model's fields", () => {
    expect(STEPS.map((s) => s.title)).toEqual(["Step 1 of 4", "Step 2 of 4", "Step 3 of 4", "Step 4 of 4"]);
    expect(STEPS.map((s) => s.fields)).toEqual(WIZARD_STEPS.map((s) => s.fields));
    expect(LAST_STEP).toBe(3);
  });

  it("sends a server error found at Finish to the step that holds the field", () => {
    expect(stepOfFields(["name"])).toBe(0);
    expect(stepOfFields(["ipv4.dhcpEnd"])).toBe(1);
    expect(stepOfFields(["ipv6.network", "forward.mode"])).toBe(2);
    expect(stepOfFields(["forward.destination"])).toBe(3);
    expect(stepOfFields(["form"])).toBeNull();
  });

  it("remembers which following fields the operator has edited", () => {
    const edited = editedFlags();
    expect(edited.has("ipv4Dhcp")).toBe(false);
    edited.mark("ipv4Dhcp");
    expect(edited.has("ipv4Dhcp")).toBe(true);
    expect(edited.has("domain")).toBe(false);
  });
});
