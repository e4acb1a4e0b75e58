"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { authorize } from "@/lib/auth/guard";
import { parseInput } from "@/lib/actions/parse-input";
import type { Plan } from "@/lib/domain/plan";
import type { CreateReview } from "@/lib/domain/plan";
import { checkStep, prepareCreate, reviewCreate } from "@/lib/wizard/prepare";

// The create-network wizard's server actions. Creating a network is operator
// work, so even the review (which only reads) asks for an operator. The
// wizard's values are checked by the network model's own schema inside.

const host = z.string().min(1).max(200);
const stepInput = z.object({ host, step: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]), values: z.unknown() });
const reviewInput = z.object({ host, values: z.unknown() });
const finishInput = z.object({ host, values: z.unknown(), uuid: z.string().max(64) });

/** "Forward": the step being left, checked against the host as it is now (unique name, overlaps). */
export async function checkNetworkStep(input: unknown): Promise<ActionResult> {
  const auth = await authorize("operator");
  if (!auth.ok) return auth;
  const parsed = parseInput(stepInput, input);
  if (!parsed.ok) return parsed;
  return checkStep(parsed.data.host, parsed.data.step, parsed.data.values);
}

/** Step 4's review: the XML and the commands for a fresh UUID. Nothing runs. */
export async function previewNewNetwork(input: unknown): Promise<ActionResult<CreateReview>> {
  const auth = await authorize("operator");
  if (!auth.ok) return auth;
  const parsed = parseInput(reviewInput, input);
  if (!parsed.ok) return parsed;
  return reviewCreate(parsed.data.host, parsed.data.values);
}

/** "Finish": validates everything again and stores the reviewed plan; the browser then applies it. */
export async function planNewNetwork(input: unknown): Promise<ActionResult<Plan>> {
  const auth = await authorize("operator");
  if (!auth.ok) return auth;
  const parsed = parseInput(finishInput, input);
  if (!parsed.ok) return parsed;
  return prepareCreate(auth.operator, parsed.data.host, parsed.data.values, parsed.data.uuid.toLowerCase());
}
