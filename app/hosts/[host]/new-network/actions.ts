"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { checkStep, prepareCreate, reviewCreate } from "@/lib/changes/prepare-create";
import { hostInput } from "@/lib/domain/inputs";

// The create-network wizard's server actions. Creating a network is operator
// work, so even the review (which only reads) asks for an operator. The
// wizard's values are checked by the network model's own schema inside.

const step = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

/** "Forward": the step being left, checked against the host as it is now (unique name, overlaps). */
export const checkNetworkStep = defineAction("operator", z.object({ host: hostInput, step, values: z.unknown() }), ({ host, ...input }, operator) =>
  checkStep({ operator, host, input }),
);

/** Step 4's review: the XML and the commands for a fresh UUID. Nothing runs. */
export const previewNewNetwork = defineAction("operator", z.object({ host: hostInput, values: z.unknown() }), ({ host, ...input }, operator) =>
  reviewCreate({ operator, host, input }),
);

/** "Finish": validates everything again and stores the reviewed plan; the browser then applies it. */
export const planNewNetwork = defineAction("operator", z.object({ host: hostInput, values: z.unknown(), uuid: z.string().max(64) }), ({ host, values, uuid }, operator) =>
  prepareCreate({ operator, host, input: { values, uuid: uuid.toLowerCase() } }),
);
