import type { Plan } from "@/lib/domain/plan";
import { CopyButton } from "./copy-button";
import { shellLine } from "./shell-line";
import type { StepStatus } from "./use-apply";

const LABEL: Record<StepStatus, string> = {
  pending: "Pending",
  running: "Running…",
  done: "Done",
  failed: "Failed",
  undoing: "Undoing…",
  undone: "Undone",
  "undo-failed": "Undo failed",
};
const TONE: Record<StepStatus, string> = {
  pending: "text-zinc-500",
  running: "text-brand-600 dark:text-brand-500",
  done: "text-emerald-700 dark:text-emerald-400",
  failed: "text-red-700 dark:text-red-400",
  undoing: "text-amber-700 dark:text-amber-400",
  undone: "text-amber-700 dark:text-amber-400",
  "undo-failed": "text-red-700 dark:text-red-400",
};

/** The plan's commands exactly as they will run, each copyable, with live status. */
export function PlanSteps({ plan, statuses }: { plan: Plan; statuses: StepStatus[] }) {
  return (
    <ol aria-label="Commands" className="space-y-2">
      {plan.steps.map((step, i) => {
        // Input other than the plan's XML (a hook script) is shown with its step, so it is read before it is confirmed.
        const ownInput = step.stdin !== undefined && step.stdin !== plan.xml;
        const line = shellLine(step.argv, step.stdin !== undefined ? (ownInput ? "the input shown with this step" : "the XML below") : undefined);
        const status = statuses[i] ?? "pending";
        return (
          <li key={i} data-step={i} data-status={status} className="rounded border border-zinc-200 p-2 dark:border-zinc-800">
            <div className="flex items-center justify-between gap-2 text-sm">
              <span className="font-medium">{i + 1}. {step.title}</span>
              <span className={`text-xs font-medium ${TONE[status]}`} aria-live="polite">{LABEL[status]}</span>
            </div>
            <div className="mt-1 flex items-start gap-2">
              <code data-argv={JSON.stringify(step.argv)} className="block flex-1 whitespace-pre-wrap break-all rounded bg-zinc-100 px-2 py-1 font-mono text-xs dark:bg-zinc-900">{line}</code>
              <CopyButton text={line} label={`Copy command ${i + 1}`} />
            </div>
            {ownInput ? (
              <details className="mt-1 text-xs">
                <summary className="cursor-pointer">Input of this step</summary>
                <pre aria-label={`Input of step ${i + 1}`} className="max-h-72 overflow-auto rounded bg-zinc-100 p-2 font-mono dark:bg-zinc-900">{step.stdin}</pre>
              </details>
            ) : null}
            {step.undo ? <p className="mt-1 text-xs text-zinc-500">If a later step fails: <code className="font-mono">{shellLine(step.undo.argv)}</code></p> : null}
          </li>
        );
      })}
    </ol>
  );
}
