// The "Create a cross-host network" form's input, shared by the form and the
// server action: the same rules give the same field errors in both places.
// What only the hosts can answer (is the address on the host, is the name
// free there, the underlay MTU) is checked when the plan is prepared.
import { z } from "zod";
import { familyOf, isIPv4, parseCidr } from "../net/ip";
import { dhcpRangeIssues, gatewayOf, networkFieldIssues, networkNameSchema } from "../network";
import { report } from "../network/schema/issues";
import { VNI_MAX, VNI_MIN } from "./segment";

const ipv4 = (what: string) => z.string().trim().refine((v) => isIPv4(v), { error: `Enter the ${what} as an IPv4 address such as 198.18.0.130.` });

export const segmentHostInputSchema = z.object({
  host: z.string().min(1, { error: "Choose a host." }).max(253),
  underlay: ipv4("underlay address"),
});

export const crossHostCreateSchema = z
  .object({
    name: networkNameSchema,
    vni: z.coerce
      .number({ error: "Enter a VNI." })
      .int({ error: "The VNI is a whole number." })
      .min(VNI_MIN, { error: `A VNI is ${VNI_MIN} to ${VNI_MAX}.` })
      .max(VNI_MAX, { error: `A VNI is ${VNI_MIN} to ${VNI_MAX}.` }),
    hosts: z.array(segmentHostInputSchema).min(2, { error: "Choose at least two hosts." }).max(64),
    gateway: z.string().min(1, { error: "Choose the gateway host." }),
    mode: z.enum(["nat", "isolated"], { error: "Choose NAT or isolated." }),
    subnet: z.string().trim().min(1, { error: "Enter the segment's IPv4 network, such as 10.90.0.0/24." }),
    dhcpStart: z.string().trim(),
    dhcpEnd: z.string().trim(),
  })
  .superRefine((input, ctx) => {
    const seenHosts = new Set<string>();
    const seenUnderlays = new Set<string>();
    input.hosts.forEach((h, i) => {
      if (seenHosts.has(h.host)) ctx.addIssue({ code: "custom", path: ["hosts", i, "host"], message: `${h.host} is listed twice.` });
      if (seenUnderlays.has(h.underlay)) ctx.addIssue({ code: "custom", path: ["hosts", i, "underlay"], message: `${h.underlay} is already another host's underlay address.` });
      seenHosts.add(h.host);
      seenUnderlays.add(h.underlay);
    });
    if (!input.hosts.some((h) => h.host === input.gateway)) {
      ctx.addIssue({ code: "custom", path: ["gateway"], message: "The gateway must be one of the segment's hosts." });
    }
    const { cidr, issues } = networkFieldIssues("ipv4", input.subnet);
    report(ctx, issues, ["subnet"]);
    if (!cidr || issues.length) return;
    report(ctx, dhcpRangeIssues(cidr, gatewayOf(cidr), { start: input.dhcpStart, end: input.dhcpEnd }, { start: ["dhcpStart"], end: ["dhcpEnd"] }));
  });

export type CrossHostCreateInput = z.infer<typeof crossHostCreateSchema>;

/** The subnet's address and prefix, once the schema accepted it. */
export function subnetOf(input: Pick<CrossHostCreateInput, "subnet">): { address: string; prefix: number } {
  const c = parseCidr(input.subnet);
  if (!c || familyOf(c.address) !== "ipv4") throw new Error("subnet not parsed");
  return { address: c.address, prefix: c.prefix };
}

export const crossHostAddHostSchema = z.object({ segment: networkNameSchema, host: segmentHostInputSchema.shape.host, underlay: segmentHostInputSchema.shape.underlay });
export const crossHostRemoveHostSchema = z.object({ segment: networkNameSchema, host: segmentHostInputSchema.shape.host });
export const crossHostDeleteSchema = z.object({ segment: networkNameSchema });
