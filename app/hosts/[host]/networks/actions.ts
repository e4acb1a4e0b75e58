"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { prepareNetworkChange } from "@/lib/changes/prepare-lifecycle";
import { networkRef } from "@/lib/domain/inputs";
import { NETWORK_CHANGES } from "@/lib/libvirt/network-plans";

/** Start, stop, autostart or delete: returns the plan to review; nothing runs until it is applied. */
export const planNetworkChange = defineAction("operator", z.object({ ...networkRef, change: z.enum(NETWORK_CHANGES) }), ({ host, ...input }, operator) =>
  prepareNetworkChange({ operator, host, input }),
);
