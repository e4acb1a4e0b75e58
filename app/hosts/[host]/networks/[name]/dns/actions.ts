"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { authorize } from "@/lib/auth/guard";
import { parseInput } from "@/lib/actions/parse-input";
import type { Plan } from "@/lib/domain/plan";
import { prepareDnsHostAdd, prepareDnsHostDelete, prepareDnsSettings, prepareRestart } from "@/lib/libvirt/dns/prepare";

// The DNS tab's actions: each returns a plan to review, or field errors.

const network = { host: z.string().min(1).max(200), uuid: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Not a network UUID.") };
const field = z.string().max(2000);

export async function planDnsHostAdd(input: unknown): Promise<ActionResult<Plan>> {
  const auth = await authorize("operator");
  if (!auth.ok) return auth;
  const parsed = parseInput(z.object({ ...network, ip: field, hostnames: field }), input);
  if (!parsed.ok) return parsed;
  return prepareDnsHostAdd(auth.operator, parsed.data.host, parsed.data.uuid.toLowerCase(), parsed.data);
}

export async function planDnsHostDelete(input: unknown): Promise<ActionResult<Plan>> {
  const auth = await authorize("operator");
  if (!auth.ok) return auth;
  const parsed = parseInput(z.object({ ...network, ip: field }), input);
  if (!parsed.ok) return parsed;
  return prepareDnsHostDelete(auth.operator, parsed.data.host, parsed.data.uuid.toLowerCase(), parsed.data.ip);
}

/** Domain and forwarders: a redefinition that takes effect at the next restart. */
export async function planDnsSettings(input: unknown): Promise<ActionResult<Plan>> {
  const auth = await authorize("operator");
  if (!auth.ok) return auth;
  const parsed = parseInput(z.object({ ...network, domain: field, forwarders: field }), input);
  if (!parsed.ok) return parsed;
  return prepareDnsSettings(auth.operator, parsed.data.host, parsed.data.uuid.toLowerCase(), parsed.data);
}

export async function planNetworkRestart(input: unknown): Promise<ActionResult<Plan>> {
  const auth = await authorize("operator");
  if (!auth.ok) return auth;
  const parsed = parseInput(z.object(network), input);
  if (!parsed.ok) return parsed;
  return prepareRestart(auth.operator, parsed.data.host, parsed.data.uuid.toLowerCase());
}
