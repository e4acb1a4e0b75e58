import "server-only";
import { isSshError, runCommand, type SshTarget } from "@/lib/ssh";
import { recordAudit } from "@/lib/audit/record";
import type { Operator } from "@/lib/auth/roles";
import { explainFailure } from "./explain";
import type { ApplyEvent, ApplyResult, FailureView, Plan, PlanCommand } from "@/lib/domain/plan";

// Runs a plan's steps in order, each as its own exec so progress is real. On a
// failure it undoes, newest first, the steps this run completed, and nothing
// else: a step that failed did not happen, and whatever existed before the
// plan is never touched. Every run ends in exactly one audit record holding
// the commands that actually ran.

export type Runner = (command: PlanCommand) => Promise<void>;

export function sshRunner(target: SshTarget): Runner {
  return async (command) => {
    await runCommand(target, command.argv, command.stdin === undefined ? {} : { stdin: command.stdin });
  };
}

function failureView(error: unknown): FailureView {
  const kind = isSshError(error) ? error.kind : "internal";
  // CommandFailed keeps libvirt's full stderr; its message is only the last line.
  const stderr = error && typeof error === "object" && "stderr" in error ? String((error as { stderr: unknown }).stderr).trim() : "";
  const message = stderr || (error instanceof Error ? error.message : String(error));
  return { kind, message, explanation: explainFailure(message) };
}

async function undo(plan: Plan, done: number[], run: Runner, emit: (e: ApplyEvent) => void, ran: string[][]): Promise<boolean> {
  let clean = true;
  for (const index of [...done].reverse()) {
    const command = plan.steps[index]!.undo;
    if (!command) continue;
    emit({ type: "undo", index, status: "running", command });
    ran.push(command.argv);
    try {
      await run(command);
      emit({ type: "undo", index, status: "done", command });
    } catch (error) {
      clean = false;
      emit({ type: "undo", index, status: "failed", command, failure: failureView(error) });
    }
  }
  return clean;
}

export async function applyPlan(plan: Plan, operator: Operator, run: Runner, emit: (e: ApplyEvent) => void): Promise<ApplyResult> {
  const done: number[] = [];
  const ran: string[][] = [];
  let result: ApplyResult = "ok";
  let failure: FailureView | undefined;
  for (const [index, step] of plan.steps.entries()) {
    emit({ type: "step", index, status: "running" });
    ran.push(step.argv);
    try {
      await run(step);
      done.push(index);
      emit({ type: "step", index, status: "done" });
    } catch (error) {
      failure = failureView(error);
      emit({ type: "step", index, status: "failed", failure });
      const needsUndo = done.some((i) => plan.steps[i]!.undo);
      result = !needsUndo ? "failed" : (await undo(plan, done, run, emit, ran)) ? "rolled-back" : "partial";
      break;
    }
  }
  await recordAudit({
    actor: operator,
    hostId: plan.host.id,
    hostName: plan.host.name,
    action: plan.action,
    target: plan.target,
    commands: ran,
    xml: plan.xml ?? null,
    result,
    detail: failure?.message ?? null,
  }).catch((error) => console.error("audit write failed", error));
  emit({ type: "finished", result, ...(failure ? { failure } : {}), ...(result === "ok" && plan.nextHref ? { nextHref: plan.nextHref } : {}) });
  return result;
}
