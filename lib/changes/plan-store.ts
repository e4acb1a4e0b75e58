import "server-only";
import { and, count, eq, lte, sql, type SQL } from "drizzle-orm";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import { getDb } from "@/lib/db/client";
import { plans } from "@/lib/db/schema";
import { XML_EDIT_MAX_BYTES } from "@/lib/domain/network";
import type { Plan, PlanDraft } from "@/lib/domain/plan";

// Plans live in the store between "plan" and "apply", bound to the operator
// who asked for them: the browser holds only an id, so it can neither alter
// the commands nor apply someone else's plan. A plan applies at most once (one
// DELETE … RETURNING hands it out, so two servers applying the same id cannot
// both get it) and expires, so a stale view of the host cannot be applied much
// later. In the store rather than in memory, so a plan made through one server
// applies through any other on the same PostgreSQL.

export const PLAN_TTL_MS = 10 * 60_000;

// Plans are bounded: a script (or a stuck button) making plans in a loop must
// not grow the store without end. 30 unapplied plans is far more than anyone
// reviews at once. A plan's XML may be as large as the XML editor accepts
// (256 kB, three times a network with a thousand DHCP reservations), and all
// plans together hold at most 32 MB of XML.
export const PLAN_LIMITS = { perOperator: 30, total: 300, xmlBytes: XML_EDIT_MAX_BYTES, totalXmlBytes: 32 * 1024 * 1024 } as const;

export type PlanLimitCode = "too-many-plans" | "plans-full" | "plan-too-large";

/** Thrown by savePlan past a limit; storePlan returns the same as a failure. */
export class PlanLimitError extends Error {
  constructor(readonly code: PlanLimitCode, message: string) {
    super(message);
    this.name = "PlanLimitError";
  }
}

/**
 * Saves count and insert under one transaction-scoped advisory lock, so saves
 * (in this process or another server's) run one at a time and a loop of them
 * cannot slip past a cap between the count and the insert. Takes need no lock:
 * they only ever lower the counts. The key is an arbitrary constant ("SYPL").
 */
const SAVE_LOCK_KEY = 0x5359504c;

const kB = (bytes: number) => `${Math.ceil(bytes / 1024)} kB`;

/** The store's clock unless a test pins one: every server then agrees on expiry. */
const clock = (now: number | undefined): SQL => (now === undefined ? sql`now()` : sql`${new Date(now).toISOString()}::timestamptz`);

/** The XML the plan carries (the network XML it shows, every step's stdin): the largest piece, and all of it. */
function xmlSizes(draft: PlanDraft): { largest: number; total: number } {
  const texts = [draft.xml ?? "", ...draft.steps.flatMap((step) => [step.stdin ?? "", step.undo?.stdin ?? ""])];
  const sizes = texts.map((text) => Buffer.byteLength(text, "utf8"));
  return { largest: Math.max(0, ...sizes), total: sizes.reduce((a, b) => a + b, 0) };
}

type Held = { mine: number; total: number; bytes: number };

function limitRefusal(held: Held, sizes: { total: number }): PlanLimitError | null {
  if (held.mine >= PLAN_LIMITS.perOperator) {
    return new PlanLimitError("too-many-plans", `You have ${held.mine} plans waiting to be applied; apply them or wait for them to expire (${PLAN_TTL_MS / 60_000} minutes) before making more.`);
  }
  if (held.total >= PLAN_LIMITS.total || held.bytes + sizes.total > PLAN_LIMITS.totalXmlBytes) {
    return new PlanLimitError("plans-full", "The server holds too many unapplied plans right now; try again in a few minutes.");
  }
  return null;
}

/** Stores the plan for this operator, or says which limit it would pass. */
export async function storePlan(draft: PlanDraft, operatorId: string, now?: number): Promise<ActionResult<Plan>> {
  try {
    return ok(await savePlan(draft, operatorId, now));
  } catch (error) {
    if (error instanceof PlanLimitError) return fail(error.code, error.message);
    throw error;
  }
}

/** Like storePlan, but throws PlanLimitError past a limit. */
export async function savePlan(draft: PlanDraft, operatorId: string, now?: number): Promise<Plan> {
  const sizes = xmlSizes(draft);
  if (sizes.largest > PLAN_LIMITS.xmlBytes) {
    throw new PlanLimitError("plan-too-large", `This change's XML is ${kB(sizes.largest)}; Switchyard plans changes of up to ${kB(PLAN_LIMITS.xmlBytes)}. Nothing was changed.`);
  }
  const at = clock(now);
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SAVE_LOCK_KEY})`);
    // Expired plans free their slots here, for everyone.
    await tx.delete(plans).where(lte(plans.expiresAt, at));
    const [held] = await tx
      .select({
        mine: sql<number>`count(*) filter (where ${plans.operatorId} = ${operatorId})`.mapWith(Number),
        total: count(),
        bytes: sql<number>`coalesce(sum(${plans.xmlBytes}), 0)`.mapWith(Number),
      })
      .from(plans);
    const refusal = limitRefusal(held ?? { mine: 0, total: 0, bytes: 0 }, sizes);
    if (refusal) throw refusal;
    const [inserted] = await tx
      .insert(plans)
      .values({ operatorId, draft, xmlBytes: sizes.total, createdAt: at, expiresAt: sql`${at} + make_interval(secs => ${PLAN_TTL_MS / 1000})` })
      .returning({ id: plans.id, createdAt: plans.createdAt, expiresAt: plans.expiresAt });
    return inserted!;
  });
  return toPlan(draft, row);
}

function toPlan(draft: PlanDraft, row: { id: string; createdAt: Date; expiresAt: Date }): Plan {
  return { ...draft, id: row.id, createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString() };
}

export type PlanLookup = { ok: true; plan: Plan } | { ok: false; code: "plan-not-found" | "plan-expired"; message: string };

const NOT_FOUND: PlanLookup = { ok: false, code: "plan-not-found", message: "This plan is unknown or was already applied; make a new one." };
const EXPIRED: PlanLookup = { ok: false, code: "plan-expired", message: "This plan expired; review a fresh one before applying." };

// Plan ids come from URLs; anything but a UUID is simply not a plan (and never reaches the uuid column).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const columns = { id: plans.id, draft: plans.draft, createdAt: plans.createdAt, expiresAt: plans.expiresAt, expired: sql<boolean>`false` };

function lookup(found: { id: string; draft: PlanDraft; createdAt: Date; expiresAt: Date; expired: boolean } | undefined): PlanLookup {
  // Someone else's plan answers exactly like a missing one.
  if (!found) return NOT_FOUND;
  if (found.expired) return EXPIRED;
  return { ok: true, plan: toPlan(found.draft, found) };
}

/** Reads the plan without taking it (the confirmation check before apply). */
export async function peekPlan(id: string, operatorId: string, now?: number): Promise<PlanLookup> {
  if (!UUID.test(id)) return NOT_FOUND;
  const db = await getDb();
  const [found] = await db
    .select({ ...columns, expired: sql<boolean>`${plans.expiresAt} <= ${clock(now)}` })
    .from(plans)
    .where(and(eq(plans.id, id), eq(plans.operatorId, operatorId)));
  return lookup(found);
}

/**
 * Hands the plan out once: one DELETE … RETURNING, so of any number of applies
 * of the same id (through any servers) exactly one gets it. An expired plan is
 * removed too, and answers "expired".
 */
export async function takePlan(id: string, operatorId: string, now?: number): Promise<PlanLookup> {
  if (!UUID.test(id)) return NOT_FOUND;
  const db = await getDb();
  const [found] = await db
    .delete(plans)
    .where(and(eq(plans.id, id), eq(plans.operatorId, operatorId)))
    .returning({ ...columns, expired: sql<boolean>`${plans.expiresAt} <= ${clock(now)}` });
  return lookup(found);
}

/** Every stored plan gone (tests). */
export async function clearPlans(): Promise<void> {
  const db = await getDb();
  await db.delete(plans);
}
