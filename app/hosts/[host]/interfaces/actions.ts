"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { authorize } from "@/lib/auth/guard";
import { parseInput } from "@/lib/actions/parse-input";
import { prepareHostInterfaceChange } from "@/lib/changes/interfaces-host";
import type { Plan } from "@/lib/domain/plan";
import { interfaceNameSchema } from "@/lib/domain/interfaces/names";

const host = z.string().min(1).max(200);
const planInput = z.discriminatedUnion("change", [
  z.object({ host, change: z.enum(["create-bridge", "create-tap", "delete-tap", "delete-bridge"]), name: interfaceNameSchema }),
  z.object({ host, change: z.literal("add-port"), port: interfaceNameSchema, bridge: interfaceNameSchema }),
  // The bridge is read from the host when the plan is made.
  z.object({ host, change: z.literal("remove-port"), port: interfaceNameSchema }),
]);

/** A bridge/TAP change as a plan to review; nothing runs until it is applied. */
export async function planHostInterfaceChange(input: unknown): Promise<ActionResult<Plan>> {
  const auth = await authorize("operator");
  if (!auth.ok) return auth;
  const parsed = parseInput(planInput, input);
  if (!parsed.ok) return parsed;
  const { host: hostName, ...change } = parsed.data;
  return prepareHostInterfaceChange(auth.operator, hostName, change.change === "remove-port" ? { ...change, bridge: "" } : change);
}
