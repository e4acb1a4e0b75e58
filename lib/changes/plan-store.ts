import "server-only";
import { randomUUID } from "node:crypto";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import { XML_EDIT_MAX_BYTES } from "@/lib/domain/network";
import type { Plan, PlanDraft } from "@/lib/domain/plan";

// Plans live on the server between "plan" and "apply", bound to the operator
// who asked for them: the browser holds only an id, so it can neither alter
// the commands nor apply someone else's plan. A plan applies at most once and
// expires, so a stale view of the host cannot be applied much later.

export const PLAN_TTL_MS = 10 * 60_000;

// Plans live in memory, so they are bounded: a script (or a stuck button)
// making plans in a loop must not grow the server without end. 30 unapplied
// plans is far more than anyone reviews at once. A plan's XML may be as large
// as the XML editor accepts (256 kB, three times a network with a thousand DHCP
// reservations), and all plans together hold at most 32 MB of XML.
export const PLAN_LIMITS = { perOperator: 30, total: 300, xmlBytes: XML_EDIT_MAX_BYTES, totalXmlBytes: 32 * 1024 * 1024 } as const;

export type PlanLimitCode = "too-many-plans" | "plans-full" | "plan-too-large";

/** Thrown by savePlan past a limit; storePlan returns the same as a failure. */
export class PlanLimitError extends Error {
  constructor(readonly code: PlanLimitCode, message: string) {
    super(message);
    this.name = "PlanLimitError";
  }
}

type Stored = { plan: Plan; operatorId: string; xmlBytes: number };

const slot = Symbol.for("switchyard.plans");
const holder = globalThis as { [slot]?: Map<string, Stored> };
const plans = (holder[slot] ??= new Map<string, Stored>());

function sweep(now: number) {
  for (const [id, stored] of plans) if (Date.parse(stored.plan.expiresAt) <= now) plans.delete(id);
}

const kB = (bytes: number) => `${Math.ceil(bytes / 1024)} kB`;

/** The XML the plan carries (the network XML it shows, every step's stdin): the largest piece, and all of it. */
function xmlSizes(draft: PlanDraft): { largest: number; total: number } {
  const texts = [draft.xml ?? "", ...draft.steps.flatMap((step) => [step.stdin ?? "", step.undo?.stdin ?? ""])];
  const sizes = texts.map((text) => Buffer.byteLength(text, "utf8"));
  return { largest: Math.max(0, ...sizes), total: sizes.reduce((a, b) => a + b, 0) };
}

function limitRefusal(draft: PlanDraft, operatorId: string, sizes: { largest: number; total: number }): PlanLimitError | null {
  const xmlBytes = sizes.largest;
  if (xmlBytes > PLAN_LIMITS.xmlBytes) {
    return new PlanLimitError("plan-too-large", `This change's XML is ${kB(xmlBytes)}; Switchyard plans changes of up to ${kB(PLAN_LIMITS.xmlBytes)}. Nothing was changed.`);
  }
  let mine = 0;
  for (const stored of plans.values()) if (stored.operatorId === operatorId) mine += 1;
  if (mine >= PLAN_LIMITS.perOperator) {
    return new PlanLimitError("too-many-plans", `You have ${mine} plans waiting to be applied; apply them or wait for them to expire (${PLAN_TTL_MS / 60_000} minutes) before making more.`);
  }
  let held = 0;
  for (const stored of plans.values()) held += stored.xmlBytes;
  if (plans.size >= PLAN_LIMITS.total || held + sizes.total > PLAN_LIMITS.totalXmlBytes) {
    return new PlanLimitError("plans-full", "The server holds too many unapplied plans right now; try again in a few minutes.");
  }
  return null;
}

/** Stores the plan for this operator, or says which limit it would pass. */
export function storePlan(draft: PlanDraft, operatorId: string, now = Date.now()): ActionResult<Plan> {
  try {
    return ok(savePlan(draft, operatorId, now));
  } catch (error) {
    if (error instanceof PlanLimitError) return fail(error.code, error.message);
    throw error;
  }
}

/** Like storePlan, but throws PlanLimitError past a limit. */
export function savePlan(draft: PlanDraft, operatorId: string, now = Date.now()): Plan {
  sweep(now);
  const sizes = xmlSizes(draft);
  const refusal = limitRefusal(draft, operatorId, sizes);
  if (refusal) throw refusal;
  const plan: Plan = { ...draft, id: randomUUID(), createdAt: new Date(now).toISOString(), expiresAt: new Date(now + PLAN_TTL_MS).toISOString() };
  plans.set(plan.id, { plan, operatorId, xmlBytes: sizes.total });
  return plan;
}

export type PlanLookup = { ok: true; plan: Plan } | { ok: false; code: "plan-not-found" | "plan-expired"; message: string };

function find(id: string, operatorId: string, now: number): PlanLookup {
  const stored = plans.get(id);
  // Someone else's plan answers exactly like a missing one.
  if (!stored || stored.operatorId !== operatorId) return { ok: false, code: "plan-not-found", message: "This plan is unknown or was already applied; make a new one." };
  if (Date.parse(stored.plan.expiresAt) <= now) {
    plans.delete(id);
    return { ok: false, code: "plan-expired", message: "This plan expired; review a fresh one before applying." };
  }
  return { ok: true, plan: stored.plan };
}

export const peekPlan = (id: string, operatorId: string, now = Date.now()): PlanLookup => find(id, operatorId, now);

/** Every stored plan gone (tests). */
export function clearPlans(): void {
  plans.clear();
}

/** Hands the plan out once: a second apply of the same id finds nothing. */
export function takePlan(id: string, operatorId: string, now = Date.now()): PlanLookup {
  const found = find(id, operatorId, now);
  if (found.ok) plans.delete(id);
  return found;
}
