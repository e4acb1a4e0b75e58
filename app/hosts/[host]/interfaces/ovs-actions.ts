"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { prepareLinuxVlanBond } from "@/lib/changes/prepare-linux-vlan-bond";
import { prepareOvsChange } from "@/lib/changes/prepare-ovs-change";
import { hostInput as host } from "@/lib/domain/inputs";
import { interfaceNameSchema as ifname } from "@/lib/domain/interfaces/names";
import { parseVlanTags, VLAN_RANGE_MESSAGE } from "@/lib/domain/network";

// Open vSwitch and Linux VLAN/bond changes from the Interfaces page, as plans
// to review; nothing runs until applied. Operators only.

const vlanId = z.int({ error: VLAN_RANGE_MESSAGE }).min(1, { error: VLAN_RANGE_MESSAGE }).max(4094, { error: VLAN_RANGE_MESSAGE });
/** The VLAN field as typed: "" (untagged), "10", or "10,20" for a trunk. */
const vlanText = z
  .string()
  .max(200)
  .transform((text, ctx) => {
    if (text.trim() === "") return [];
    const tags = parseVlanTags(text);
    if (!tags) {
      ctx.addIssue({ code: "custom", message: "Enter a VLAN tag such as 10, or for a trunk tags such as 10,20." });
      return z.NEVER;
    }
    if (tags.some((t) => t < 1 || t > 4094)) {
      ctx.addIssue({ code: "custom", message: VLAN_RANGE_MESSAGE });
      return z.NEVER;
    }
    return tags;
  });

const ovsInput = z.discriminatedUnion("change", [
  z.object({ host, change: z.enum(["ovs-add-br", "ovs-del-br"]), bridge: ifname }),
  z.object({ host, change: z.literal("ovs-add-port"), bridge: ifname, port: ifname, vlan: vlanText, trunk: z.boolean() }).superRefine((v, ctx) => {
    if (!v.trunk && v.vlan.length > 1) ctx.addIssue({ code: "custom", path: ["vlan"], message: "Several tags make a trunk: tick Trunk, or enter one tag." });
  }),
  z.object({ host, change: z.literal("ovs-add-bond"), bridge: ifname, bond: ifname, nics: z.tuple([ifname, ifname]) }),
  z.object({ host, change: z.literal("ovs-del-port"), bridge: ifname, port: ifname }),
]);

export const planOvsChange = defineAction("operator", ovsInput, ({ host, ...c }, operator) =>
  prepareOvsChange({
    operator,
    host,
    input: c.change === "ovs-add-port" ? { change: c.change, bridge: c.bridge, port: c.port, tags: c.vlan, trunk: c.trunk } : c,
  }),
);

const linuxInput = z.discriminatedUnion("change", [
  z.object({ host, change: z.literal("linux-vlan"), parent: ifname, id: vlanId }),
  z.object({ host, change: z.literal("linux-bond"), name: ifname, nics: z.tuple([ifname, ifname]) }),
]);

export const planLinuxVlanBond = defineAction("operator", linuxInput, ({ host, ...c }, operator) => prepareLinuxVlanBond({ operator, host, input: c }));
