"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { authorize } from "@/lib/auth/guard";
import { parseInput } from "@/lib/actions/parse-input";
import { prepareNetworkChange } from "@/lib/changes/prepare-network";
import type { Plan } from "@/lib/domain/plan";
import { NETWORK_CHANGES } from "@/lib/libvirt/network-plans";

const planInput = z.object({
  host: z.string().min(1).max(200),
  uuid: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Not a network UUID."),
  change: z.enum(NETWORK_CHANGES),
});

/** Start, stop, autostart or delete: returns the plan to review; nothing runs until it is applied. */
export async function planNetworkChange(input: unknown): Promise<ActionResult<Plan>> {
  const auth = await authorize("operator");
  if (!auth.ok) return auth;
  const parsed = parseInput(planInput, input);
  if (!parsed.ok) return parsed;
  return prepareNetworkChange(auth.operator, parsed.data.host, parsed.data.uuid.toLowerCase(), parsed.data.change);
}
