import { describe, expect, it } from "vitest";
import { defaultWizardValues, type WizardValues } from "@/lib/domain/network";
import { hostFactsOf } from "@/lib/wizard/host-facts";
import { stepFieldErrors } from "@/lib/wizard/step-errors";
import { SNAPSHOT } from "./snapshot";

// "Forward" validates the step it leaves, with the host's facts: an error in
// a later step never blocks an earlier one, and each step sees its own.
const facts = hostFactsOf(SNAPSHOT);
const base = (): WizardValues => defaultWizardValues(facts, (n) => new Uint8Array(n));
const edit = (f: (v: WizardValues) => void) => {
  const v = base();
  f(v);
  return v;
};

describe("stepFieldErrors", () => {
  it("passes the defaults on every step", () => {
    for (const step of [0, 1, 2, 3] as const) expect(stepFieldErrors(base(), step, facts)).toEqual({});
  });

  it("step 1: a name the host already has, or one with a space", () => {
    expect(Object.keys(stepFieldErrors(edit((v) => (v.name = "default")), 0, facts))).toEqual(["name"]);
    expect(Object.keys(stepFieldErrors(edit((v) => (v.name = "my net")), 0, facts))).toEqual(["name"]);
  });

  it("step 2: an overlap with default's subnet lands on ipv4.network, not on step 1", () => {
    const v = edit((v) => {
      v.name = "default";
      v.ipv4.network = "192.168.122.0/24";
    });
    const step2 = stepFieldErrors(v, 1, facts);
    expect(step2["ipv4.network"]).toMatch(/default|192\.168\.122/);
    expect(Object.keys(step2).every((k) => k.startsWith("ipv4."))).toBe(true);
    expect(Object.keys(stepFieldErrors(v, 0, facts))).toEqual(["name"]);
  });

  it("step 2: a DHCP range outside the network lands on Start/End", () => {
    const v = edit((v) => (v.ipv4.dhcpStart = "10.0.0.5"));
    expect(Object.keys(stepFieldErrors(v, 1, facts))).toContain("ipv4.dhcpStart");
  });

  it("step 3: IPv6 needs a /64 only when enabled", () => {
    const v = edit((v) => (v.ipv6.network = "fd00:1::/48"));
    expect(stepFieldErrors(v, 2, facts)).toEqual({});
    v.ipv6.enabled = true;
    expect(stepFieldErrors(v, 2, facts)["ipv6.network"]).toMatch(/\/64/);
  });

  it("step 4: forwarding with no address at all, and a device the host does not have", () => {
    const noIp = edit((v) => (v.ipv4.enabled = false));
    expect(Object.keys(stepFieldErrors(noIp, 3, facts))).toEqual(["forward.mode"]);
    const noDev = edit((v) => (v.forward.destination = "eth9"));
    expect(Object.keys(stepFieldErrors(noDev, 3, facts))).toEqual(["forward.destination"]);
  });
});
