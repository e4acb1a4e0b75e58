"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { prepareNicAttach, prepareNicLink, prepareNicRemove } from "@/lib/changes/prepare-vm-nic";
import { hostInput, uuidInput } from "@/lib/domain/inputs";
import { attachSpecSchema } from "@/lib/domain/interfaces/attach-spec";
import { macSchema } from "@/lib/domain/interfaces/mac";

const vm = { host: hostInput, uuid: uuidInput("VM") };

/** "Add network interface": the attach-interface plan to review. */
export const planNicAttach = defineAction("operator", z.object({ ...vm, spec: attachSpecSchema }), ({ host, ...input }, operator) =>
  prepareNicAttach({ operator, host, input }),
);

/** "Remove": detach-interface from the definition and, when running, from the guest. */
export const planNicRemove = defineAction("operator", z.object({ ...vm, mac: macSchema }), ({ host, ...input }, operator) =>
  prepareNicRemove({ operator, host, input }),
);

/** Link up/down with domif-setlink. */
export const planNicLink = defineAction("operator", z.object({ ...vm, mac: macSchema, state: z.enum(["up", "down"]) }), ({ host, ...input }, operator) =>
  prepareNicLink({ operator, host, input }),
);
