"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { prepareOvsUplink } from "@/lib/changes/prepare-ovs-uplink";
import { prepareRemoveAddress } from "@/lib/changes/prepare-remove-address";
import { prepareRemoveRoute } from "@/lib/changes/prepare-remove-route";
import { hostInput as host } from "@/lib/domain/inputs";
import { interfaceNameSchema as ifname } from "@/lib/domain/interfaces/names";
import { MAX_SWITCH_SECONDS, MIN_SWITCH_SECONDS } from "@/lib/libvirt/deadman";

// Removing an address or route, and Open vSwitch changes on the uplink: plain
// plans when they cannot cut the host off; otherwise refused unless `guarded`
// confirms the dead-man switch path. Operators only; nothing runs until applied.

const seconds = z.number().int(`Whole seconds, ${MIN_SWITCH_SECONDS}–${MAX_SWITCH_SECONDS}.`).min(MIN_SWITCH_SECONDS, `At least ${MIN_SWITCH_SECONDS} s: the proof needs time.`).max(MAX_SWITCH_SECONDS, `At most ${MAX_SWITCH_SECONDS} s.`);
const guard = { guarded: z.boolean(), seconds };
/** "192.0.2.10/24" or "2001:db8::1/64" as the page lists it; only compared with what the host reads, never run. */
const address = z.string().min(3, "Choose an address.").max(60).regex(/^[0-9a-fA-F:.]+\/\d{1,3}$/, "Choose an address from the list.");
/** A route as the page lists it ("default via 192.0.2.1 dev eno1"); only compared with what the host reads, never run. */
const route = z.string().min(1, "Choose a route.").max(200).regex(/^[\w:./ -]+$/, "Choose a route from the list.");
const vlanId = z.int().min(1).max(4094);

export const planRemoveAddress = defineAction("operator", z.object({ host, device: ifname, address, ...guard }), ({ host, ...input }, operator) => prepareRemoveAddress({ operator, host, input }));

export const planRemoveRoute = defineAction("operator", z.object({ host, route, ...guard }), ({ host, ...input }, operator) => prepareRemoveRoute({ operator, host, input }));

const ovsUplinkInput = z.discriminatedUnion("change", [
  z.object({ host, change: z.literal("ovs-add-port"), bridge: ifname, port: ifname, tags: z.array(vlanId).max(64), trunk: z.boolean(), ...guard }),
  z.object({ host, change: z.literal("ovs-del-port"), bridge: ifname, port: ifname, ...guard }),
  z.object({ host, change: z.literal("ovs-del-br"), bridge: ifname, ...guard }),
]);

export const planOvsUplink = defineAction("operator", ovsUplinkInput, ({ host, ...input }, operator) => prepareOvsUplink({ operator, host, input }));
