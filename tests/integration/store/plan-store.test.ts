import { expect, it } from "vitest";
import { clearPlans, PLAN_LIMITS, PLAN_TTL_MS, peekPlan, savePlan, storePlan, takePlan } from "@/lib/changes/plan-store";
import { closeDb } from "@/lib/db/client";
import type { PlanDraft } from "@/lib/domain/plan";
import { describeEachBackend } from "./backends";

const draft: PlanDraft = { action: "network.start", host: { id: "h", name: "hv" }, target: "n", summary: "s", steps: [], notes: [] };

describeEachBackend("plan store", async () => {
  it("hands a plan out once, and only to the operator it was made for", async () => {
    const plan = await savePlan(draft, "alice");
    expect(await peekPlan(plan.id, "mallory")).toMatchObject({ ok: false, code: "plan-not-found" });
    expect(await takePlan(plan.id, "alice")).toMatchObject({ ok: true, plan: { id: plan.id } });
    expect(await takePlan(plan.id, "alice")).toMatchObject({ ok: false, code: "plan-not-found" });
  });

  it("expires plans", async () => {
    const now = Date.now();
    const plan = await savePlan(draft, "alice", now);
    expect(await takePlan(plan.id, "alice", now + PLAN_TTL_MS + 1)).toMatchObject({ ok: false, code: "plan-expired" });
  });

  it("lives in the store: a plan outlives the connection it was made on, and is taken from a fresh one", async () => {
    const plan = await savePlan(draft, "alice");
    await closeDb();
    expect(await peekPlan(plan.id, "alice")).toMatchObject({ ok: true, plan: { id: plan.id, expiresAt: plan.expiresAt } });
    expect(await takePlan(plan.id, "alice")).toMatchObject({ ok: true, plan: { steps: [], target: "n" } });
  });

  it("answers a malformed id as an unknown plan", async () => {
    expect(await takePlan("../1; drop table plans", "alice")).toMatchObject({ ok: false, code: "plan-not-found" });
  });

  it("gives a plan to exactly one of 20 simultaneous applies", async () => {
    const plan = await savePlan(draft, "alice");
    const takes = await Promise.all(Array.from({ length: 20 }, () => takePlan(plan.id, "alice")));
    expect(takes.filter((t) => t.ok)).toHaveLength(1);
  });

  it("lets 80 simultaneous saves of one operator store exactly the per-operator cap", async () => {
    await clearPlans();
    const saves = await Promise.all(Array.from({ length: 80 }, () => storePlan(draft, "racer")));
    expect(saves.filter((r) => r.ok)).toHaveLength(PLAN_LIMITS.perOperator);
    expect(saves.filter((r) => !r.ok && r.code === "too-many-plans")).toHaveLength(80 - PLAN_LIMITS.perOperator);
    await clearPlans();
  });
});
