"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { authorize } from "@/lib/auth/guard";
import { parseInput } from "@/lib/actions/parse-input";
import type { Plan } from "@/lib/domain/plan";
import { prepareDhcpHostAdd, prepareDhcpHostDelete, prepareDhcpRange } from "@/lib/libvirt/dhcp/prepare";

// The DHCP tab's actions. Each returns a plan to review (or field errors);
// nothing runs on the host until the plan is applied.

const network = { host: z.string().min(1).max(200), uuid: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Not a network UUID.") };
const field = z.string().max(300);
const hostInput = z.object({ ...network, mac: field, ip: field, name: field.optional() });

/** A static DHCP host (also what "Reserve" sends for a lease). */
export async function planDhcpHostAdd(input: unknown): Promise<ActionResult<Plan>> {
  const auth = await authorize("operator");
  if (!auth.ok) return auth;
  const parsed = parseInput(hostInput, input);
  if (!parsed.ok) return parsed;
  const { host, uuid, ...fields } = parsed.data;
  return prepareDhcpHostAdd(auth.operator, host, uuid.toLowerCase(), fields);
}

export async function planDhcpHostDelete(input: unknown): Promise<ActionResult<Plan>> {
  const auth = await authorize("operator");
  if (!auth.ok) return auth;
  const parsed = parseInput(z.object({ ...network, mac: field.optional(), ip: field }), input);
  if (!parsed.ok) return parsed;
  return prepareDhcpHostDelete(auth.operator, parsed.data.host, parsed.data.uuid.toLowerCase(), parsed.data.mac, parsed.data.ip);
}

export async function planDhcpRange(input: unknown): Promise<ActionResult<Plan>> {
  const auth = await authorize("operator");
  if (!auth.ok) return auth;
  const parsed = parseInput(z.object({ ...network, start: field, end: field }), input);
  if (!parsed.ok) return parsed;
  return prepareDhcpRange(auth.operator, parsed.data.host, parsed.data.uuid.toLowerCase(), parsed.data);
}
