// The zod schema of a whole NetworkSpec. Shapes are checked by zod; the
// meaning (addresses inside subnets, no overlaps…) by the rule functions, run
// in refinements on the smallest object that holds what they compare. zod
// skips an object's refinements while any field inside it is invalid, so a
// refinement placed on the whole network would hide behind unrelated errors.
import { z } from "zod";
import { isMac, isUnicastMac } from "../../net/mac";
import { isIPv4 } from "../../net/ip";
import { isInterfaceName, isXmlSafe } from "../../net/names";
import { EMPTY_FACTS, type HostFacts, type SelfRef } from "../facts";
import { MACVTAP_MODES, type NetworkSpec } from "../spec";
import { dhcpHostIssues, dhcpRangeIssues } from "./dhcp";
import { dnsIssues, domainIssues } from "./dns";
import { bridgeInUseIssues, bridgeNameIssues, deviceExistsIssues, forwardNeedsAddressMessage, hostBridgeIssues, IFNAME_MESSAGE, OPEN_DEV_MESSAGE } from "./forward";
import { deviceBridgeIssues, macvtapInterfaceIssues, portgroupIssues } from "./device";
import { report } from "./issues";
import { nameIssues, networkNameSchema } from "./name";
import { overlapIssues } from "./overlap";
import { routeIssues } from "./route";
import { ipAddressIssues } from "./subnet";
import type { Family } from "../../net/ip";

/** Host facts are optional: without them only the host-independent rules run (e.g. in the XML editor before facts load). */
export type HostContext = { facts?: HostFacts; self?: SelfRef };

const text = z.string().refine(isXmlSafe, { error: "Remove control characters from this field." });
const port = z.int({ error: "Enter a whole number." }).min(0, { error: "Use a port from 0 to 65535." }).max(65535, { error: "Use a port from 0 to 65535." });
const ifname = text.refine(isInterfaceName, { error: IFNAME_MESSAGE });

const portgroupSchema = z.object({
  name: text,
  default: z.boolean().optional(),
  vlan: z.object({ trunk: z.boolean().optional(), tags: z.array(z.int({ error: "Enter a whole number." })) }).optional(),
});

const dhcpSchema = z.object({
  ranges: z.array(z.object({ start: text, end: text })),
  hosts: z.array(z.object({ mac: text.optional(), id: text.optional(), name: text.optional(), ip: text })),
});

const routeSchema = z.object({
  address: text,
  prefix: z.int({ error: "Enter a prefix length." }),
  gateway: text,
  metric: z.int().min(0, { error: "Use a metric of 0 or more." }).optional(),
});

function ipSchema(family: Family, ctxHost: HostContext) {
  return z
    .object({ address: text, prefix: z.int({ error: "Enter a prefix length." }), dhcp: dhcpSchema.optional(), routes: z.array(routeSchema), localPtr: z.boolean().optional() })
    .superRefine((ip, ctx) => {
      const { cidr, issues } = ipAddressIssues(family, ip.address, ip.prefix);
      report(ctx, issues);
      if (!cidr) return;
      ip.dhcp?.ranges.forEach((r, i) => report(ctx, dhcpRangeIssues(cidr, ip.address, r), ["dhcp", "ranges", i]));
      report(ctx, dhcpHostIssues(cidr, ip.address, ip.dhcp?.hosts ?? []), ["dhcp", "hosts"]);
      ip.routes.forEach((r, i) => report(ctx, routeIssues(cidr, r), ["routes", i]));
      if (ctxHost.facts && issues.length === 0) report(ctx, overlapIssues(cidr, ctxHost.facts, ctxHost.self), ["address"]);
    });
}

const natSchema = z
  .object({
    addressStart: text.refine(isIPv4, { error: "Enter an IPv4 address." }).optional(),
    addressEnd: text.refine(isIPv4, { error: "Enter an IPv4 address." }).optional(),
    portStart: port.optional(),
    portEnd: port.optional(),
    ipv6: z.boolean().optional(),
  })
  .superRefine((n, ctx) => {
    if (n.portStart !== undefined && n.portEnd !== undefined && n.portStart > n.portEnd) {
      ctx.addIssue({ code: "custom", path: ["portStart"], message: "The first port comes after the last port." });
    }
  });

export function specSchema(host: HostContext = {}) {
  const facts = host.facts ?? EMPTY_FACTS;
  const withHost = <T>(fn: (v: T) => ReturnType<typeof nameIssues>) => (v: T, ctx: z.RefinementCtx) => {
    if (host.facts) report(ctx, fn(v));
  };
  const common = {
    name: networkNameSchema.superRefine(withHost((n: string) => nameIssues(n, facts, host.self))),
    uuid: text.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: "Enter a UUID such as 3e5a0c1e-4f2b-4c1d-9a8e-2b7c6d5e4f30." }).optional(),
  };
  const mtu = z.int({ error: "Enter a whole number." }).min(68, { error: "Use an MTU from 68 to 65535." }).max(65535, { error: "Use an MTU from 68 to 65535." }).optional();
  const device = ifname.superRefine(withHost((d: string) => deviceExistsIssues(d, facts)));
  const layer3 = {
    ...common,
    bridge: z
      .object({
        name: text.superRefine((n, ctx) => {
          const shape = bridgeNameIssues(n);
          report(ctx, shape);
          if (shape.length === 0 && host.facts) report(ctx, bridgeInUseIssues(n, facts, host.self));
        }).optional(),
        stp: z.boolean().optional(),
        delay: z.int().min(0, { error: "Use a delay of 0 seconds or more." }).optional(),
        macTableManager: z.enum(["kernel", "libvirt"]).optional(),
        zone: text.regex(/^[A-Za-z0-9_-]{1,17}$/, { error: "Use a firewalld zone name of letters, digits, '_' and '-'." }).optional(),
      })
      .optional(),
    mtu,
    mac: text.refine(isMac, { error: "Enter a MAC address such as 52:54:00:12:34:56." }).refine(isUnicastMac, { error: "Use a unicast MAC address (even first octet)." }).optional(),
    domain: z.object({ name: text.superRefine((n, ctx) => report(ctx, domainIssues(n))), localOnly: z.boolean().optional(), register: z.boolean().optional() }).optional(),
    dns: z
      .object({
        enable: z.boolean().optional(),
        forwardPlainNames: z.boolean().optional(),
        forwarders: z.array(z.object({ addr: text.optional(), domain: text.optional() })),
        hosts: z.array(z.object({ ip: text, hostnames: z.array(text) })),
      })
      .superRefine((d, ctx) => report(ctx, dnsIssues(d)))
      .optional(),
    ipv4: ipSchema("ipv4", host).optional(),
    ipv6: ipSchema("ipv6", host).optional(),
    ipv6Internal: z.boolean().optional(),
  };
  const needsAddress = (n: { mode: "nat" | "route" | "open"; ipv4?: unknown; ipv6?: unknown }, ctx: z.RefinementCtx) => {
    if (!n.ipv4 && !n.ipv6) ctx.addIssue({ code: "custom", path: ["ipv4"], message: forwardNeedsAddressMessage(n.mode) });
  };
  return z.discriminatedUnion("mode", [
    z.object({ ...layer3, mode: z.literal("isolated") }),
    z.object({ ...layer3, mode: z.literal("nat"), dev: device.optional(), nat: natSchema.optional() }).superRefine(needsAddress),
    z.object({ ...layer3, mode: z.literal("route"), dev: device.optional() }).superRefine(needsAddress),
    z.object({ ...layer3, mode: z.literal("open"), dev: z.never({ error: OPEN_DEV_MESSAGE }).optional() }).superRefine(needsAddress),
    z
      .object({
        ...common,
        mode: z.literal("bridge"),
        hostBridge: ifname,
        virtualport: z.literal("openvswitch").optional(),
        portgroups: z.array(portgroupSchema).optional(),
      })
      .superRefine((n, ctx) => {
        const ovs = n.virtualport === "openvswitch";
        // Without an OVS read (older facts, the XML editor before facts load) only the bridge's existence is checked.
        if (host.facts) report(ctx, host.facts.ovsBridges ? deviceBridgeIssues(n.hostBridge, ovs, facts) : hostBridgeIssues(n.hostBridge, facts), ["hostBridge"]);
        report(ctx, portgroupIssues(n.portgroups ?? [], ovs), ["portgroups"]);
      }),
    z
      .object({ ...common, mode: z.literal("macvtap"), macvtapMode: z.enum(MACVTAP_MODES), interfaces: z.array(ifname).min(1, { error: "Choose at least one host interface." }) })
      .superRefine((n, ctx) => {
        if (host.facts) report(ctx, macvtapInterfaceIssues(n.interfaces, facts), ["interfaces"]);
      }),
    z.object({ ...common, mode: z.literal("hostdev"), pf: device, managed: z.boolean().optional() }),
  ]);
}

/** The host-independent schema: runs anywhere, before host facts are known. */
export const networkSpecSchema = specSchema();

// The schema and the hand-written types must describe the same data.
type Parsed = z.output<typeof networkSpecSchema>;
const specFromSchema = (p: Parsed): NetworkSpec => p;
const schemaFromSpec = (s: NetworkSpec): z.input<typeof networkSpecSchema> => s;
void specFromSchema;
void schemaFromSpec;
