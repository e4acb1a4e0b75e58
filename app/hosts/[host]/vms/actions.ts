"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { authorize } from "@/lib/auth/guard";
import { parseInput } from "@/lib/actions/parse-input";
import { prepareNicAttach, prepareNicLink, prepareNicRemove } from "@/lib/changes/interfaces-vm";
import type { Plan } from "@/lib/domain/plan";
import { attachSpecSchema } from "@/lib/domain/interfaces/attach-spec";
import { macSchema } from "@/lib/domain/interfaces/mac";

const vm = { host: z.string().min(1).max(200), uuid: z.uuid("Not a VM UUID.") };
const attachInput = z.object({ ...vm, spec: attachSpecSchema });
const nicInput = z.object({ ...vm, mac: macSchema });
const linkInput = z.object({ ...vm, mac: macSchema, state: z.enum(["up", "down"]) });

/** "Add network interface": the attach-interface plan to review. */
export async function planNicAttach(input: unknown): Promise<ActionResult<Plan>> {
  const auth = await authorize("operator");
  if (!auth.ok) return auth;
  const parsed = parseInput(attachInput, input);
  if (!parsed.ok) return parsed;
  return prepareNicAttach(auth.operator, parsed.data.host, parsed.data.uuid.toLowerCase(), parsed.data.spec);
}

/** "Remove": detach-interface from the definition and, when running, from the guest. */
export async function planNicRemove(input: unknown): Promise<ActionResult<Plan>> {
  const auth = await authorize("operator");
  if (!auth.ok) return auth;
  const parsed = parseInput(nicInput, input);
  if (!parsed.ok) return parsed;
  return prepareNicRemove(auth.operator, parsed.data.host, parsed.data.uuid.toLowerCase(), parsed.data.mac);
}

/** Link up/down with domif-setlink. */
export async function planNicLink(input: unknown): Promise<ActionResult<Plan>> {
  const auth = await authorize("operator");
  if (!auth.ok) return auth;
  const parsed = parseInput(linkInput, input);
  if (!parsed.ok) return parsed;
  return prepareNicLink(auth.operator, parsed.data.host, parsed.data.uuid.toLowerCase(), parsed.data.mac, parsed.data.state);
}
