// The plan shapes live in lib/domain/plan (components read them); this name is
// kept for the plan store until its owner moves its import there.
export type { Plan, PlanDraft } from "@/lib/domain/plan";
