import { describe, expect, it } from "vitest";
import { PLAN_TTL_MS, peekPlan, savePlan, takePlan } from "@/lib/changes/plan-store";
import type { PlanDraft } from "@/lib/domain/plan";

const draft: PlanDraft = { action: "network.start", host: { id: "h", name: "hv" }, target: "n", summary: "s", steps: [], notes: [] };

describe("plan store", () => {
  it("hands a plan out once, and only to the operator it was made for", () => {
    const plan = savePlan(draft, "alice");
    expect(peekPlan(plan.id, "mallory")).toMatchObject({ ok: false, code: "plan-not-found" });
    expect(takePlan(plan.id, "alice")).toMatchObject({ ok: true, plan: { id: plan.id } });
    expect(takePlan(plan.id, "alice")).toMatchObject({ ok: false, code: "plan-not-found" });
  });

  it("expires plans", () => {
    const now = Date.now();
    const plan = savePlan(draft, "alice", now);
    expect(takePlan(plan.id, "alice", now + PLAN_TTL_MS + 1)).toMatchObject({ ok: false, code: "plan-expired" });
  });
});
