// The create-network wizard's form, field for field as virt-manager lays it
// out (four steps). Values are what the inputs hold (strings and booleans), so
// react-hook-form can use this schema through @hookform/resolvers as is; the
// same rule functions as the spec schema check them, under the form's paths.
import { z } from "zod";
import type { Family } from "../../net/ip";
import { EMPTY_FACTS } from "../facts";
import { MODES, WIZARD_DEVICE_MODES, WIZARD_FORWARD_MODES, type WizardDeviceMode } from "../modes";
import { MACVTAP_MODES, type Portgroup } from "../spec";
import { deviceBridgeIssues, macvtapInterfaceIssues, pfIssues, portgroupIssues, SRIOV_NONE_MESSAGE } from "./device";
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

type FamilyValues = { [K in keyof typeof familyFields]: z.infer<(typeof familyFields)[K]> };

function familyChecks(family: Family, host: HostContext) {
  return (v: FamilyValues, ctx: z.RefinementCtx) => {
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
  };
}

/** Prefixes every issue a check reports with `base`, so family and device checks keep their field paths from the top level. */
function under(base: (string | number)[], ctx: z.RefinementCtx): z.RefinementCtx {
  return { ...ctx, addIssue: (i) => ctx.addIssue(typeof i === "string" ? i : { ...i, path: [...base, ...(i.path ?? [])] }) } as z.RefinementCtx;
}

/** A top-level check that runs as soon as the fields it reads (and the connection) are valid, whatever else is not. */
const whenValid = (...fields: string[]) => ({
  when: (p: { issues: { path?: PropertyKey[] }[] }) => !p.issues.some((i) => ["connection", ...fields].includes(String(i.path?.[0]))),
});

/** "10" or "10,20" → numbers; null when a part is not a whole number. */
export function parseVlanTags(text: string): number[] | null {
  const parts = text.split(",").map((t) => t.trim());
  return parts.every((t) => /^\d{1,6}$/.test(t)) ? parts.map(Number) : null;
}

/** The wizard's portgroup rows as the model's portgroups (tags parsed; call after the checks). */
export function wizardPortgroups(d: WizardDeviceValues): Portgroup[] {
  return d.portgroups.map((g, i) => {
    const tags = g.vlan.trim() === "" ? null : parseVlanTags(g.vlan);
    return {
      name: g.name.trim(),
      ...(String(i) === d.defaultPortgroup ? { default: true } : {}),
      ...(tags ? { vlan: { ...(g.trunk ? { trunk: true } : {}), tags } } : {}),
    };
  });
}

function deviceChecks(host: HostContext) {
  const facts = host.facts ?? EMPTY_FACTS;
  return (v: { connection: WizardConnection; device: WizardDeviceValues }, ctx: z.RefinementCtx) => {
    const d = v.device;
    const at = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path: ["device", ...path], message });
    if (v.connection === "bridge") {
      if (d.hostBridge === "") return at(["hostBridge"], "Choose a host bridge.");
      if (host.facts) report(under(["device", "hostBridge"], ctx), deviceBridgeIssues(d.hostBridge, d.ovs, facts));
      // A VLAN field that does not read as tags gets its own message, and no range message on top.
      const unreadable = new Set<number>();
      d.portgroups.forEach((g, i) => {
        const tags = g.vlan.trim() === "" ? [] : parseVlanTags(g.vlan);
        if (tags === null) at(["portgroups", i, "vlan"], "Enter a VLAN tag such as 10, or for a trunk tags such as 10,20.");
        else if (!g.trunk && tags.length > 1) at(["portgroups", i, "vlan"], "Several tags make a trunk: tick Trunk, or enter one tag.");
        else return;
        unreadable.add(i);
      });
      const issues = portgroupIssues(wizardPortgroups(d), d.ovs)
        .map((i) => (i.path[1] === "vlan" ? { ...i, path: [i.path[0]!, "vlan"] } : i))
        .filter((i) => !(i.path[1] === "vlan" && unreadable.has(i.path[0] as number)));
      report(under(["device", "portgroups"], ctx), issues);
    } else if (v.connection === "macvtap") {
      if (d.interfaces.length === 0) return at(["interfaces"], "Choose at least one host interface.");
      if (host.facts) report(under(["device", "interfaces"], ctx), macvtapInterfaceIssues(d.interfaces, facts));
    } else if (v.connection === "hostdev") {
      if (d.pf === "") return at(["pf"], host.facts && !(facts.sriov ?? []).some((n) => n.totalVfs > 0) ? SRIOV_NONE_MESSAGE : "Choose a physical function.");
      if (host.facts) report(under(["device", "pf"], ctx), pfIssues(d.pf, facts));
    }
  };
}

export const FORWARD_KINDS = ["isolated", "forward"] as const;
/** What the network is: a virtual network of its own (addresses, DHCP, DNS; isolated or forwarding), or a device network. */
export const WIZARD_CONNECTIONS = ["virtual", ...WIZARD_DEVICE_MODES] as const;
export type WizardConnection = "virtual" | WizardDeviceMode;

const deviceFields = z.object({
  /** A host bridge (Linux or Open vSwitch) for "bridge". */
  hostBridge: z.string(),
  /** The chosen bridge is Open vSwitch: guests get `<virtualport type='openvswitch'/>`. */
  ovs: z.boolean(),
  portgroups: z.array(z.object({ name: z.string(), vlan: z.string(), trunk: z.boolean() })),
  /** The index of the default portgroup, as the radio button's value. */
  defaultPortgroup: z.string(),
  macvtapMode: z.enum(MACVTAP_MODES),
  interfaces: z.array(z.string()),
  pf: z.string(),
});
export type WizardDeviceValues = z.infer<typeof deviceFields>;
/** The modes under "Forwarding to physical network", from the mode table. */
export const FORWARD_MODES = WIZARD_FORWARD_MODES;

export function wizardSchema(host: HostContext = {}) {
  const facts = host.facts ?? EMPTY_FACTS;
  return z.object({
    name: networkNameSchema.superRefine((n, ctx) => {
      if (host.facts) report(ctx, nameIssues(n, facts, host.self));
    }),
    connection: z.enum(["virtual", ...WIZARD_DEVICE_MODES] as [WizardConnection, ...WizardConnection[]]),
    device: deviceFields,
    ipv4: z.object(familyFields),
    ipv6: z.object(familyFields),
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
    if (v.connection === "virtual" && v.forward.kind === "forward" && !v.ipv4.enabled && !v.ipv6.enabled) {
      ctx.addIssue({ code: "custom", path: ["forward", "mode"], message: forwardNeedsAddressMessage(v.forward.mode) });
    }
  })
    // A device network has no addresses: the address steps are not asked, and not checked.
    .superRefine((v, ctx) => { if (v.connection === "virtual") familyChecks("ipv4", host)(v.ipv4, under(["ipv4"], ctx)); }, whenValid("ipv4"))
    .superRefine((v, ctx) => { if (v.connection === "virtual") familyChecks("ipv6", host)(v.ipv6, under(["ipv6"], ctx)); }, whenValid("ipv6"))
    .superRefine((v, ctx) => { if (v.connection !== "virtual") deviceChecks(host)(v, ctx); }, whenValid("device"));
}

export type WizardValues = z.infer<ReturnType<typeof wizardSchema>>;
export type WizardFamilyValues = WizardValues["ipv4"];

/**
 * The wizard's pages and the fields "Forward" validates on each. A virtual
 * network walks virt-manager's four (name, IPv4, IPv6, connection); a device
 * network walks name, then its device page: it has no addresses, DHCP or DNS
 * for libvirt to refuse, so those pages are not shown at all.
 */
export const WIZARD_STEPS = [
  { subtitle: "Name", fields: ["name", "connection"] },
  { subtitle: "IPv4 network", fields: ["ipv4"] },
  { subtitle: "IPv6 network", fields: ["ipv6"] },
  { subtitle: "Connection to the physical network", fields: ["forward", "ipv6Internal", "domain", "autostart"] },
  { subtitle: "Host devices", fields: ["device", "autostart"] },
] as const satisfies readonly { subtitle: string; fields: readonly (keyof WizardValues)[] }[];

export type WizardStepIndex = 0 | 1 | 2 | 3 | 4;

/** The pages one walk visits, in order: virt-manager's four for a virtual network, two for a device network. */
export function wizardWalk(connection: WizardConnection): WizardStepIndex[] {
  return connection === "virtual" ? [0, 1, 2, 3] : [0, 4];
}
