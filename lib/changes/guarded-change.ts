import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Operator } from "@/lib/auth/roles";
import type { ApplyEvent, ApplyResult, FailureView, GuardedChange, GuardOutcome, NetState, Plan, PlanCommand } from "@/lib/domain/plan";
import { forgetArgv, parseSwitchStatus, statusArgv, type SwitchStatus } from "@/lib/libvirt/deadman";
import { readNetState, readNetStateFresh } from "@/lib/libvirt/uplink-bridge-read";
import { netStateDifferences } from "@/lib/libvirt/uplink-bridge-state";
import { closeHost, isSshError, runCommand, withFreshConnection, type FreshRun, type SshTarget } from "@/lib/ssh";
import { explainFailure } from "./explain";

// A change that can cut the host off, run under a dead-man switch on the host.
// The plan's three steps are: arm the switch and make the change in its
// detached context (one exec), prove the host reachable the way it was reached
// (a NEW SSH connection: new TCP, the pinned key, virsh answering), disarm.
// Without a proof before the switch's time, Switchyard waits for it to fire,
// reconnects and checks the devices' addresses and routes equal, as data, the
// ones read before. Exported for every change that touches the uplink (the
// plan carries `guard`; apply-stream sends such plans here).

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** How long after the switch's time Switchyard keeps trying to reach a host that reverted. */
const RECONNECT_WINDOW_MS = 120_000;

function reasonOf(error: unknown): string {
  if (isSshError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function failureView(error: unknown): FailureView {
  const stderr = error && typeof error === "object" && "stderr" in error ? String((error as { stderr: unknown }).stderr).trim() : "";
  const message = stderr || reasonOf(error);
  return { kind: isSshError(error) ? error.kind : "internal", message, explanation: explainFailure(message) };
}

const firedCommand = (undoInput: string, runner: GuardedChange["runner"]): PlanCommand =>
  runner === "argv"
    ? { title: "The dead-man switch ran the undo commands", argv: ["sh", "-s"], stdin: undoInput }
    : { title: "The dead-man switch ran the undo input", argv: ["ip", "-force", "-batch", "-"], stdin: undoInput };

type Proof = { kind: "disarmed"; status: SwitchStatus; localPort: number | null; actual: NetState } | { kind: "decided"; status: SwitchStatus };

export async function applyGuardedPlan(plan: Plan, operator: Operator, target: SshTarget, emit: (e: ApplyEvent) => void): Promise<ApplyResult> {
  const guard = plan.guard;
  if (!guard) throw new Error("applyGuardedPlan needs a plan with a guard");
  const devices = Object.keys(guard.before.masters);
  const started = performance.now();
  const since = () => Math.round((performance.now() - started) / 100) / 10;
  const timings: GuardOutcome["timings"] = [];
  const mark = (label: string) => timings.push({ label, seconds: since() });
  const ran: string[][] = [];
  const [arm, prove, disarm] = plan.steps as [PlanCommand, PlanCommand, PlanCommand];
  const deadline = Date.now() + guard.seconds * 1000;

  const finish = async (result: ApplyResult, outcome: Omit<GuardOutcome, "timings">, failure?: FailureView) => {
    const guardOutcome: GuardOutcome = { ...outcome, timings };
    const detail = `${outcome.text} Timings: ${timings.map((t) => `${t.label} +${t.seconds} s`).join(", ")}.`;
    await recordAudit({ actor: operator, hostId: plan.host.id, hostName: plan.host.name, action: plan.action, target: plan.target, commands: ran, result, detail }).catch((error) =>
      console.error("audit write failed", error),
    );
    emit({ type: "finished", result, ...(failure ? { failure } : {}), guard: guardOutcome });
    return result;
  };

  // 1. Arm and change.
  emit({ type: "step", index: 0, status: "running" });
  ran.push(arm.argv);
  let launched: SwitchStatus | null = null;
  let lost: string | null = null;
  try {
    // Short: if the change cut this connection, its answer never comes, and the proof needs the rest of the switch's time.
    launched = parseSwitchStatus((await runCommand(target, arm.argv, { timeoutMs: Math.min(12_000, (guard.seconds * 1000) / 3) })).stdout);
  } catch (error) {
    // A connection that dropped under the change leaves the switch in charge; anything else means it never started.
    if (!(isSshError(error) && (error.kind === "unreachable" || error.kind === "timeout"))) {
      const failure = failureView(error);
      emit({ type: "step", index: 0, status: "failed", failure });
      return finish("failed", { outcome: "unknown", text: `The dead-man switch did not start, nothing changed: ${failure.message}` }, failure);
    }
    lost = reasonOf(error);
  }
  mark("switch armed, change made");
  await recordAudit({
    actor: operator, hostId: plan.host.id, hostName: plan.host.name, action: `${plan.action}.armed`, target: plan.target, commands: [arm.argv], result: "ok",
    detail: `Dead-man switch ${guard.switchId} armed for ${guard.seconds} s; the change ran in its context${launched ? ` (${launched.state})` : ` (answer lost: ${lost})`}.`,
  }).catch((error) => console.error("audit write failed", error));

  if (launched?.state === "failed") {
    const failure: FailureView = { kind: "command-failed", message: launched.doError ?? (guard.runner === "argv" ? "a command of the change failed" : "ip -batch failed"), explanation: `Line ${launched.failedLine ?? "?"} of the change failed; the switch undid the lines before it at once.` };
    emit({ type: "step", index: 0, status: "failed", failure });
    emit({ type: "undo", index: 0, status: "done", command: firedCommand(guard.undoInput, guard.runner) });
    const actual = await readNetState(target, devices).catch(() => null);
    const differences = actual ? netStateDifferences(guard.before, actual) : ["the host could not be read back"];
    await runCommand(target, forgetArgv(guard.switchId), { allowFailure: true }).catch(() => {});
    mark("undone at once");
    // Failing at the first line means nothing ran: "failed", as any change whose first step fails.
    return finish(
      differences.length ? "partial" : launched.failedLine === 1 ? "failed" : "rolled-back",
      { outcome: "undone-at-once", text: differences.length ? `The change failed half-way and the undo left differences: ${differences.join("; ")}.` : `The change failed at line ${launched.failedLine} and was undone at once; addresses and routes equal the ones before.` },
      failure,
    );
  }
  emit({ type: "step", index: 0, status: "done" });

  // 2. Prove, then 3. disarm, on the same new connection.
  emit({ type: "step", index: 1, status: "running" });
  let reason = lost ? `the arming connection dropped (${lost})` : "";
  let proof: Proof | null = null;
  while (!proof && Date.now() < deadline - 500) {
    try {
      proof = await withFreshConnection(
        target,
        async (run, info): Promise<Proof> => {
          ran.push(statusArgv(guard.switchId));
          let status = parseSwitchStatus((await run(statusArgv(guard.switchId), { timeoutMs: 5_000 })).stdout);
          while (status.state === "changing" && Date.now() < deadline) {
            await sleep(200);
            status = parseSwitchStatus((await run(statusArgv(guard.switchId), { timeoutMs: 5_000 })).stdout);
          }
          if (status.state !== "changed") return { kind: "decided", status };
          ran.push(prove.argv);
          await run(prove.argv, { timeoutMs: 10_000 });
          mark(`proven: new SSH connection (local port ${info.localPort}), host key unchanged, virsh answering`);
          emit({ type: "step", index: 1, status: "done" });
          emit({ type: "step", index: 2, status: "running" });
          ran.push(disarm.argv);
          const disarmed = parseSwitchStatus((await run(disarm.argv, { timeoutMs: 10_000 })).stdout);
          if (disarmed.state !== "disarmed") return { kind: "decided", status: disarmed };
          mark("disarmed");
          return { kind: "disarmed", status: disarmed, localPort: info.localPort, actual: await readNetStateFresh(run, devices) };
        },
        { connectTimeoutMs: Math.max(1_000, Math.min(5_000, deadline - Date.now())) },
      );
    } catch (error) {
      reason = `no new SSH connection to ${guard.reachedAt} proved the host: ${reasonOf(error)}`;
      await sleep(1_000);
    }
  }

  if (proof?.kind === "disarmed") {
    emit({ type: "step", index: 2, status: "done" });
    await cleanUp(target, guard.switchId);
    const differences = netStateDifferences(guard.after, proof.actual);
    const after = (proof.status.disarmedAt ?? 0) - (proof.status.changedAt ?? 0);
    return finish("ok", {
      outcome: "disarmed",
      text: `Reachable through a new SSH connection to ${guard.reachedAt} (host key unchanged, virsh answering) ${after.toFixed(1)} s after the change; the dead-man switch is disarmed and no switch process is left.${differences.length ? ` Note: ${differences.join("; ")}.` : ""}`,
    });
  }

  // No proof in time: the switch decides. Wait for it, then reach the host again.
  const failure: FailureView = { kind: "unreachable", message: reason || "the host could not be proven reachable in time", explanation: "Switchyard could not reach the host through the changed network; the dead-man switch undoes the change by itself." };
  if (!proof || proof.status.state !== "fired") emit({ type: "step", index: 1, status: "failed", failure });
  await sleep(Math.max(0, deadline - Date.now()) + 1_500);
  const settled = await reconnectAfterSwitch(target, guard.switchId, devices, deadline + RECONNECT_WINDOW_MS, ran);
  closeHost(target.id); // the pool may hold a connection on the old path, or a backoff from the outage
  if (!settled) {
    mark("host not reachable again");
    return finish("partial", { outcome: "unknown", text: `The host did not answer within ${RECONNECT_WINDOW_MS / 1000} s after the switch's time; check it from its console. Last reason: ${failure.message}` }, failure);
  }
  mark(`reconnected after the switch (${settled.status.state})`);
  await cleanUp(target, guard.switchId);
  if (settled.status.state === "disarmed") {
    return finish("ok", { outcome: "disarmed", text: "The switch was disarmed (the answer to the disarm was lost on the way); the change stands." });
  }
  emit({ type: "undo", index: 0, status: "running", command: firedCommand(guard.undoInput, guard.runner) });
  const differences = netStateDifferences(guard.before, settled.actual);
  const firedAfter = (settled.status.firedAt ?? settled.status.firingAt ?? 0) - (settled.status.armedAt ?? 0);
  if (differences.length) {
    emit({ type: "undo", index: 0, status: "failed", command: firedCommand(guard.undoInput, guard.runner), failure: { ...failure, message: differences.join("; ") } });
    return finish("partial", { outcome: "reverted", text: `The switch fired after ${firedAfter.toFixed(1)} s but the host differs from before: ${differences.join("; ")}.` }, failure);
  }
  emit({ type: "undo", index: 0, status: "done", command: firedCommand(guard.undoInput, guard.runner) });
  return finish("reverted", { outcome: "reverted", text: `Reverted after ${firedAfter.toFixed(1)} s: ${failure.message}. Addresses and routes equal the ones before.` }, failure);
}

type Settled = { status: SwitchStatus; actual: NetState };

async function reconnectAfterSwitch(target: SshTarget, switchId: string, devices: string[], until: number, ran: string[][]): Promise<Settled | null> {
  while (Date.now() < until) {
    try {
      const settled = await withFreshConnection(
        target,
        async (run: FreshRun) => {
          ran.push(statusArgv(switchId));
          const status = parseSwitchStatus((await run(statusArgv(switchId), { timeoutMs: 5_000 })).stdout);
          if (status.state === "changed" || status.state === "firing" || status.state === "changing") return null;
          return { status, actual: await readNetStateFresh(run, devices) };
        },
        { connectTimeoutMs: 4_000 },
      );
      if (settled) return settled;
    } catch {
      // still cut off: try again
    }
    await sleep(1_000);
  }
  return null;
}

async function cleanUp(target: SshTarget, switchId: string) {
  await withFreshConnection(target, (run) => run(forgetArgv(switchId), { allowFailure: true })).catch(() => {});
}
