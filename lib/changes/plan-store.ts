import "server-only";
import { randomUUID } from "node:crypto";
import type { Plan, PlanDraft } from "./plan-types";

// Plans live on the server between "plan" and "apply", bound to the operator
// who asked for them: the browser holds only an id, so it can neither alter
// the commands nor apply someone else's plan. A plan applies at most once and
// expires, so a stale view of the host cannot be applied much later.

export const PLAN_TTL_MS = 10 * 60_000;

type Stored = { plan: Plan; operatorId: string };

const slot = Symbol.for("switchyard.plans");
const holder = globalThis as { [slot]?: Map<string, Stored> };
const plans = (holder[slot] ??= new Map<string, Stored>());

function sweep(now: number) {
  for (const [id, stored] of plans) if (Date.parse(stored.plan.expiresAt) <= now) plans.delete(id);
}

export function savePlan(draft: PlanDraft, operatorId: string, now = Date.now()): Plan {
  sweep(now);
  const plan: Plan = { ...draft, id: randomUUID(), createdAt: new Date(now).toISOString(), expiresAt: new Date(now + PLAN_TTL_MS).toISOString() };
  plans.set(plan.id, { plan, operatorId });
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

/** Hands the plan out once: a second apply of the same id finds nothing. */
export function takePlan(id: string, operatorId: string, now = Date.now()): PlanLookup {
  const found = find(id, operatorId, now);
  if (found.ok) plans.delete(id);
  return found;
}
