// The create-network wizard's form, field for field as virt-manager lays it
// out (four steps). Values are what the inputs hold (strings and booleans), so
// react-hook-form can use this schema through @hookform/resolvers as is; the
// same rule functions as the spec schema check them, under the form's paths.
import { z } from "zod";
import type { Family } from "../../net/ip";
import { EMPTY_FACTS } from "../facts";
import { MODES, WIZARD_FORWARD_MODES } from "../modes";
import { dhcpRangeIssues } from "./dhcp";
import { domainIssues } from "./dns";
import { deviceExistsIssues, forwardNeedsAddressMessage, OPEN_DEV_MESSAGE } from "./forward";
import { report } from "./issues";
import { nameIssues, networkNameSchema } from "./name";
import { overlapIssues } from "./overlap";
import { routeFieldIssues } from "./route";
import { gatewayOf, networkFieldIssues } from "./subnet";
import type { HostContext } from "./spec";

const familyFields = {
  enabled: z.boolean(),
  network: z.string(),
  /** The operator said yes to virt-manager's "not a private range" prompt. */
  confirmPublic: z.boolean(),
  dhcpEnabled: z.boolean(),
  dhcpStart: z.string(),
  dhcpEnd: z.string(),
  routeEnabled: z.boolean(),
  routeNetwork: z.string(),
  routeGateway: z.string(),
};

function familySchema(family: Family, host: HostContext) {
  return z.object(familyFields).superRefine((v, ctx) => {
    if (!v.enabled) return;
    const { cidr, issues } = networkFieldIssues(family, v.network, { confirmPublic: v.confirmPublic });
    report(ctx, issues, ["network"]);
    if (!cidr) return;
    if (host.facts && issues.length === 0) report(ctx, overlapIssues(cidr, host.facts, host.self), ["network"]);
    const gateway = gatewayOf(cidr);
    if (v.dhcpEnabled) {
      const range = { start: v.dhcpStart.trim(), end: v.dhcpEnd.trim() };
      report(ctx, dhcpRangeIssues(cidr, gateway, range, { start: ["dhcpStart"], end: ["dhcpEnd"] }));
    }
    if (v.routeEnabled) {
      const route = { network: v.routeNetwork, gateway: v.routeGateway.trim() };
      report(ctx, routeFieldIssues(cidr, route, { network: ["routeNetwork"], gateway: ["routeGateway"] }));
    }
  });
}

export const FORWARD_KINDS = ["isolated", "forward"] as const;
/** The modes under "Forwarding to physical network", from the mode table. */
export const FORWARD_MODES = WIZARD_FORWARD_MODES;

export function wizardSchema(host: HostContext = {}) {
  const facts = host.facts ?? EMPTY_FACTS;
  return z.object({
    name: networkNameSchema.superRefine((n, ctx) => {
      if (host.facts) report(ctx, nameIssues(n, facts, host.self));
    }),
    ipv4: familySchema("ipv4", host),
    ipv6: familySchema("ipv6", host),
    forward: z
      .object({
        kind: z.enum(FORWARD_KINDS),
        /** "" is "Any physical device". */
        destination: z.string(),
        mode: z.enum(FORWARD_MODES),
      })
      .superRefine((f, ctx) => {
        if (f.kind !== "forward" || f.destination === "") return;
        if (!MODES[f.mode].wizard.destination) ctx.addIssue({ code: "custom", path: ["destination"], message: OPEN_DEV_MESSAGE });
        else if (host.facts) report(ctx, deviceExistsIssues(f.destination, facts), ["destination"]);
      }),
    ipv6Internal: z.boolean(),
    domain: z.string().superRefine((d, ctx) => {
      if (d.trim() !== "") report(ctx, domainIssues(d.trim()));
    }),
    autostart: z.boolean(),
  }).superRefine((v, ctx) => {
    // Runs once every field is valid (zod's rule for object refinements), i.e. on the last step.
    if (v.forward.kind === "forward" && !v.ipv4.enabled && !v.ipv6.enabled) {
      ctx.addIssue({ code: "custom", path: ["forward", "mode"], message: forwardNeedsAddressMessage(v.forward.mode) });
    }
  });
}

export type WizardValues = z.infer<ReturnType<typeof wizardSchema>>;
export type WizardFamilyValues = WizardValues["ipv4"];

/** The fields each step validates when the operator presses "Forward" (react-hook-form `trigger`). */
export const WIZARD_STEPS = [
  { title: "Step 1 of 4", fields: ["name"] },
  { title: "Step 2 of 4", fields: ["ipv4"] },
  { title: "Step 3 of 4", fields: ["ipv6"] },
  { title: "Step 4 of 4", fields: ["forward", "ipv6Internal", "domain", "autostart"] },
] as const satisfies readonly { title: string; fields: readonly (keyof WizardValues)[] }[];
