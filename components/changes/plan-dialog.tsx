"use client";

import { useId, useState } from "react";
import { ErrorBox, primaryButton, secondaryButton, TextField } from "@/components/ui";
import type { Plan } from "@/lib/domain/plan";
import { CopyButton } from "./copy-button";
import { FailurePanel } from "./failure-panel";
import { GuardDetails, GuardResult } from "./guard-details";
import { PlanSteps } from "./plan-steps";
import { useApply } from "./use-apply";

/**
 * The shared change flow: the plan (commands and XML, copyable), the
 * confirmation, live progress, and the outcome. `onFinished` runs once the
 * change has ended, whatever the result, so the caller can refetch the host.
 */
export function PlanDialog({ plan, onClose, onFinished }: { plan: Plan; onClose: () => void; onFinished: (nextHref?: string) => void }) {
  const titleId = useId();
  const confirmId = useId();
  const [typed, setTyped] = useState("");
  const { state, apply } = useApply(plan);
  const needsPhrase = plan.confirmPhrase !== undefined;
  const canApply = state.phase === "review" && (!needsPhrase || typed === plan.confirmPhrase);
  const finished = state.phase === "finished";
  const close = () => (finished ? onFinished(state.result === "ok" ? state.nextHref : undefined) : onClose());
  return (
    <section role="dialog" aria-modal="true" aria-labelledby={titleId} className="space-y-4 rounded-lg border border-zinc-300 bg-white p-5 shadow-lg dark:border-zinc-700 dark:bg-zinc-950">
      <h2 id={titleId} className="text-lg font-semibold">{plan.summary}</h2>
      {plan.notes.length > 0 ? (
        <ul aria-label="Before you confirm" className="list-disc space-y-1 pl-5 text-sm">{plan.notes.map((n) => <li key={n}>{n}</li>)}</ul>
      ) : null}
      {plan.guard ? <GuardDetails guard={plan.guard} /> : null}
      <PlanSteps plan={plan} statuses={state.steps} />
      {plan.xml ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">Network XML</summary>
          <div className="mt-2 flex items-start gap-2">
            <pre aria-label="Network XML" className="max-h-72 flex-1 overflow-auto rounded bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-900">{plan.xml}</pre>
            <CopyButton text={plan.xml} label="Copy XML" />
          </div>
        </details>
      ) : null}
      {needsPhrase && state.phase === "review" ? (
        <TextField id={confirmId} label="Type the network's name to confirm" mono value={typed} onChange={(e) => setTyped(e.target.value)}
          hint={<p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Type <strong className="font-mono">{plan.confirmPhrase}</strong> exactly.</p>} />
      ) : null}
      <ErrorBox message={state.refusal} />
      {finished && state.result === "ok" ? <p role="status" className="text-sm font-medium text-emerald-700 dark:text-emerald-400">Applied.</p> : null}
      {finished && state.result && state.result !== "ok" ? <FailurePanel result={state.result} failure={state.failure} /> : null}
      {finished && state.guard ? <GuardResult outcome={state.guard} host={plan.host.name} bridge={plan.guard?.kind === "bridge-nic" ? plan.guard.bridge : undefined} /> : null}
      <div className="flex gap-2">
        {!finished ? (
          <button type="button" disabled={!canApply} onClick={() => apply(needsPhrase ? typed : undefined)} className={primaryButton}>
            {state.phase === "applying" ? "Applying…" : "Apply"}
          </button>
        ) : null}
        <button type="button" disabled={state.phase === "applying"} onClick={close} className={secondaryButton}>
          {finished ? "Close" : "Cancel"}
        </button>
      </div>
    </section>
  );
}
