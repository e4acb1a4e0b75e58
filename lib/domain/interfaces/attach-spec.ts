import { z } from "zod";
import { MACVTAP_MODES } from "../network/spec";
import { macSchema } from "./mac";
import { interfaceNameSchema } from "./names";

// "Add network interface" (virt-manager's Add Hardware → Network) as data:
// where the NIC is plugged in, which device model the guest sees, and its MAC.

export const DEVICE_MODELS = ["virtio", "e1000e", "rtl8139"] as const;
export type DeviceModel = (typeof DEVICE_MODELS)[number];
export { MACVTAP_MODES };

const nicSourceSchema = z.discriminatedUnion("kind", [
  // libvirt network names may hold almost anything; they travel after `--` and are checked against the host's list.
  z.object({
    kind: z.literal("network"),
    network: z.string().min(1, "Choose a virtual network.").max(200),
    /** A portgroup of that network (Open vSwitch VLANs); absent is the network's default. */
    portgroup: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, "Choose one of the network's portgroups.").optional(),
  }),
  z.object({ kind: z.literal("bridge"), bridge: interfaceNameSchema }),
  z.object({ kind: z.literal("direct"), dev: interfaceNameSchema, mode: z.enum(MACVTAP_MODES) }),
]);
export type NicSource = z.infer<typeof nicSourceSchema>;

export const attachSpecSchema = z.object({
  source: nicSourceSchema,
  model: z.enum(DEVICE_MODELS),
  mac: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("generated") }),
    z.object({ kind: z.literal("typed"), address: macSchema }),
  ]),
});
export type AttachSpec = z.infer<typeof attachSpecSchema>;

/** `virsh attach-interface`'s <type> and <source> operands for a source. */
export function virshTypeAndSource(source: NicSource): [type: "network" | "bridge" | "direct", source: string] {
  if (source.kind === "network") return ["network", source.network];
  if (source.kind === "bridge") return ["bridge", source.bridge];
  return ["direct", source.dev];
}

export function describeSource(source: NicSource): string {
  if (source.kind === "network") return `virtual network ${source.network}${source.portgroup ? ` (portgroup ${source.portgroup})` : ""}`;
  if (source.kind === "bridge") return `host bridge ${source.bridge}`;
  return `macvtap on ${source.dev} (${source.mode} mode)`;
}
