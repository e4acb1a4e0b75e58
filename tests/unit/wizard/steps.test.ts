import { describe, expect, it } from "vitest";
import { WIZARD_STEPS, wizardWalk } from "@/lib/domain/network";
import { editedFlags } from "@/components/wizard/follow";
import { STEPS, stepOfFields } from "@/components/wizard/steps";

describe("the wizard's step list", () => {
  it("is virt-manager's four pages for a virtual network, name and devices for a device network, each validating the model's fields", () => {
    expect(STEPS.map((s) => s.fields)).toEqual(WIZARD_STEPS.map((s) => s.fields));
    expect(wizardWalk("virtual").map((i) => STEPS[i]!.subtitle)).toEqual(["Name", "IPv4 network", "IPv6 network", "Connection to the physical network"]);
    expect(wizardWalk("macvtap").map((i) => STEPS[i]!.subtitle)).toEqual(["Name", "Host devices"]);
  });

  it("sends a server error found at Finish to the step of the walk that holds the field", () => {
    const virtual = wizardWalk("virtual");
    expect(stepOfFields(["name"], virtual)).toBe(0);
    expect(stepOfFields(["ipv4.dhcpEnd"], virtual)).toBe(1);
    expect(stepOfFields(["ipv6.network", "forward.mode"], virtual)).toBe(2);
    expect(stepOfFields(["forward.destination"], virtual)).toBe(3);
    expect(stepOfFields(["form"], virtual)).toBeNull();
    expect(stepOfFields(["device.portgroups.1.name"], wizardWalk("bridge"))).toBe(1);
  });

  it("remembers which following fields the operator has edited", () => {
    const edited = editedFlags();
    expect(edited.has("ipv4Dhcp")).toBe(false);
    edited.mark("ipv4Dhcp");
    expect(edited.has("ipv4Dhcp")).toBe(true);
    expect(edited.has("domain")).toBe(false);
  });
});
