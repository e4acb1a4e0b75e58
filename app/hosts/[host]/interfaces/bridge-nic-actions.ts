"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { prepareBridgeNic } from "@/lib/changes/prepare-bridge-nic";
import { prepareUnbridge } from "@/lib/changes/prepare-unbridge";
import { hostInput as host } from "@/lib/domain/inputs";
import { interfaceNameSchema } from "@/lib/domain/interfaces/names";
import { MAX_SWITCH_SECONDS, MIN_SWITCH_SECONDS } from "@/lib/libvirt/deadman";

const seconds = z.number().int(`Whole seconds, ${MIN_SWITCH_SECONDS}–${MAX_SWITCH_SECONDS}.`).min(MIN_SWITCH_SECONDS, `At least ${MIN_SWITCH_SECONDS} s: the proof needs time.`).max(MAX_SWITCH_SECONDS, `At most ${MAX_SWITCH_SECONDS} s.`);
const input = z.object({ host, nic: interfaceNameSchema, bridge: interfaceNameSchema, seconds });

/** "Bridge this NIC" as a plan guarded by a dead-man switch; nothing runs until it is applied. */
export const planBridgeNic = defineAction("operator", input, ({ host, ...rest }, operator) => prepareBridgeNic({ operator, host, input: rest }));

/** Deleting a bridge that carries the host's addresses: they go back to its NIC port first, under the same switch. */
export const planUnbridge = defineAction("operator", z.object({ host, bridge: interfaceNameSchema, seconds }), ({ host, ...rest }, operator) => prepareUnbridge({ operator, host, input: rest }));
