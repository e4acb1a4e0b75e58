"use client";

import { useEffect, useRef } from "react";
import { FailurePanel } from "@/components/changes/failure-panel";
import { PlanSteps } from "@/components/changes/plan-steps";
import { useApply, type ApplyState } from "@/components/changes/use-apply";
import type { Plan } from "@/lib/domain/plan";
import { ErrorBox } from "@/components/ui";

/**
 * Finish's live progress through the shared apply flow: each step's status as
 * it runs, and on failure libvirt's message, its meaning, and what was undone.
 * The plan was confirmed on the review, so it starts at once.
 */
export function ApplyProgress({ plan, onFinished }: { plan: Plan; onFinished: (state: ApplyState) => void }) {
  const { state, apply } = useApply(plan);
  const started = useRef(false);
  const reported = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void apply();
  }, [apply]);
  useEffect(() => {
    if (state.phase !== "finished" || reported.current) return;
    reported.current = true;
    onFinished(state);
  }, [state, onFinished]);
  return (
    <section aria-label="Progress" className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <h3 className="font-semibold">{plan.summary}</h3>
      <PlanSteps plan={plan} statuses={state.steps} />
      <ErrorBox message={state.refusal} />
      {state.phase === "finished" && state.result === "ok" ? <p role="status" className="text-sm font-medium text-emerald-700">Created. Opening the network…</p> : null}
      {state.phase === "finished" && state.result && state.result !== "ok" ? <FailurePanel result={state.result} failure={state.failure} /> : null}
    </section>
  );
}
