import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Operator } from "@/lib/auth/roles";
import type { ApplyEvent, ApplyResult, Plan } from "@/lib/domain/plan";
import { findHostTarget } from "@/lib/hosts";
import { forgetLiveModel } from "@/lib/hosts/live-model-server";
import { runCommand, type SshTarget } from "@/lib/ssh";
import { applyPlan, type Runner } from "./apply";
import { deleteSegment, saveSegment } from "./cross-host-store";

// A plan across hosts runs through the same engine as any plan (apply.ts):
// steps in order, each on the host it names, and on a failure every done step
// is undone newest first, whichever host it ran on, so a failure on the second
// host takes the first host's part away too. The store records the segment
// only when every step ran. Each host's time is measured and audited.

export async function applyCrossHostPlan(plan: Plan, operator: Operator, emit: (e: ApplyEvent) => void): Promise<ApplyResult> {
  const targets = new Map<string, SshTarget>();
  const seconds = new Map<string, number>();
  const runner: Runner = async (command) => {
    const host = command.host ?? plan.host;
    let target = targets.get(host.id);
    if (!target) {
      const found = await findHostTarget(host.id);
      if (!found.ok) throw new Error(`${host.name}: ${found.message}`);
      target = found.data.target;
      targets.set(host.id, target);
    }
    const started = performance.now();
    try {
      await runCommand(target, command.argv, command.stdin === undefined ? {} : { stdin: command.stdin });
    } finally {
      seconds.set(host.name, (seconds.get(host.name) ?? 0) + (performance.now() - started) / 1000);
    }
  };
  // The store is written before the browser hears "finished", so the page it goes to next already lists the change.
  let finished: ApplyEvent | null = null;
  // Kernel changes raise no libvirt event: no host's live model may keep serving what it held.
  const touched = [...new Set(plan.steps.map((s) => s.host?.id ?? plan.host.id))];
  touched.forEach(forgetLiveModel);
  const result = await applyPlan(plan, operator, runner, (event) => (event.type === "finished" ? (finished = event) : emit(event)));
  touched.forEach(forgetLiveModel);
  const timing = [...seconds].map(([name, s]) => `${name} ${s.toFixed(2)} s`).join(", ");
  const effect = plan.crossHost;
  if (result === "ok" && effect) {
    try {
      if (effect.kind === "save") await saveSegment(effect.segment);
      else await deleteSegment(effect.name, effect.pending);
    } catch (error) {
      console.error("cross-host store write failed", error);
      finished = { type: "finished", result: "partial", failure: { kind: "internal", message: "Every host applied the change, but the store could not record it.", explanation: "The hosts are changed; the segment list may not show it. See the server log." } };
    }
  }
  await recordAudit({
    actor: operator,
    hostId: plan.host.id,
    hostName: plan.host.name,
    action: `${plan.action}.timing`,
    target: plan.target,
    commands: [],
    result,
    detail: `Time on each host (commands run, undo included): ${timing || "none"}.`,
  }).catch((error) => console.error("audit write failed", error));
  if (finished) emit(finished);
  return result;
}
