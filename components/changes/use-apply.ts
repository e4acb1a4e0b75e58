"use client";

import { useCallback, useState } from "react";
import type { ApplyEvent, ApplyResult, FailureView, GuardOutcome, Plan } from "@/lib/domain/plan";
import { applyPlanHref } from "@/lib/routes";

export type StepStatus = "pending" | "running" | "done" | "failed" | "undoing" | "undone" | "undo-failed";

export type ApplyState = {
  phase: "review" | "applying" | "finished";
  steps: StepStatus[];
  result?: ApplyResult;
  failure?: FailureView;
  /** A refusal before anything ran (wrong confirmation, expired plan). */
  refusal?: string;
  nextHref?: string;
  /** A guarded change's outcome: disarmed after the proof, or reverted by the host's dead-man switch. */
  guard?: GuardOutcome;
};

function reduce(state: ApplyState, event: ApplyEvent): ApplyState {
  const steps = [...state.steps];
  if (event.type === "step") {
    steps[event.index] = event.status;
    return { ...state, steps, ...(event.status === "failed" ? { failure: event.failure } : {}) };
  }
  if (event.type === "undo") {
    steps[event.index] = event.status === "running" ? "undoing" : event.status === "done" ? "undone" : "undo-failed";
    return { ...state, steps };
  }
  return { ...state, phase: "finished", result: event.result, failure: event.failure ?? state.failure, nextHref: event.nextHref, guard: event.guard };
}

/** POSTs the plan id and follows the NDJSON progress stream line by line. */
export function useApply(plan: Plan) {
  const [state, setState] = useState<ApplyState>({ phase: "review", steps: plan.steps.map(() => "pending") });
  const apply = useCallback(
    async (confirm?: string) => {
      setState((s) => ({ ...s, phase: "applying", refusal: undefined }));
      const response = await fetch(applyPlanHref(plan.id), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(confirm === undefined ? {} : { confirm }),
      }).catch(() => null);
      if (!response?.ok || !response.body) {
        const body = (await response?.json().catch(() => null)) as { message?: string } | null;
        setState((s) => ({ ...s, phase: "review", refusal: body?.message ?? "The server could not be reached." }));
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines) if (line.trim()) setState((s) => reduce(s, JSON.parse(line) as ApplyEvent));
      }
      setState((s) => (s.phase === "finished" ? s : { ...s, phase: "finished", result: s.result ?? "failed", refusal: "The progress stream ended early; refresh to see the host's state." }));
    },
    [plan.id],
  );
  return { state, apply };
}
