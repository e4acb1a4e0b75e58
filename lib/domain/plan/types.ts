// The shapes of the one change flow (plan → confirm → apply → audit), shared
// by the server and the browser. Pure data: what the operator is shown is the
// stored plan itself, so the commands shown are the commands that run.
import type { GuardedChange, GuardOutcome } from "./guard";
import type { CrossHostEffect } from "../cross-host/effect";

export type PlanCommand = {
  title: string;
  argv: string[];
  stdin?: string;
  /** Runs on this host rather than the plan's: the steps of a cross-host plan (lib/changes/apply-cross-host.ts). */
  host?: { id: string; name: string };
};

/** A step, and the command that undoes it if a later step fails. */
export type PlanStep = PlanCommand & { undo?: PlanCommand };

export type PlanDraft = {
  /** Audit action, e.g. "network.delete". */
  action: string;
  host: { id: string; name: string };
  /** What it is done to, for people: a network's name. */
  target: string;
  /** One line: "Stop network default on hv-a". */
  summary: string;
  steps: PlanStep[];
  /** The network XML the change writes or removes, when there is one. */
  xml?: string;
  /** Things the operator must know before confirming (attached VMs, restarts). */
  notes: string[];
  /** When set, the operator must type exactly this (a network's name) to confirm. */
  confirmPhrase?: string;
  /** Where the browser should go after success (e.g. the list after a delete). */
  nextHref?: string;
  /** Set when the change can cut the host off: it runs under a dead-man switch on the host. */
  guard?: GuardedChange;
  /** Set on a plan across hosts: what the store records once every host applied it. */
  crossHost?: CrossHostEffect;
};

export type Plan = PlanDraft & { id: string; createdAt: string; expiresAt: string };

export type FailureView = {
  /** The transport's error kind, e.g. "command-failed", "libvirt-unavailable". */
  kind: string;
  /** libvirt's own message (or the transport's), verbatim. */
  message: string;
  /** What it means, in plain words. */
  explanation: string;
};

/** "reverted": a dead-man switch on the host undid the change because Switchyard could not prove the host reachable. */
export type ApplyResult = "ok" | "failed" | "rolled-back" | "partial" | "reverted";

/** One line of the apply stream (NDJSON). Indexes point into plan.steps. */
export type ApplyEvent =
  | { type: "step"; index: number; status: "running" | "done" }
  | { type: "step"; index: number; status: "failed"; failure: FailureView }
  | { type: "undo"; index: number; status: "running" | "done"; command: PlanCommand }
  | { type: "undo"; index: number; status: "failed"; command: PlanCommand; failure: FailureView }
  | { type: "finished"; result: ApplyResult; failure?: FailureView; nextHref?: string; guard?: GuardOutcome };

/** What the wizard's step 4 shows before Finish: the exact plan for a fresh UUID, and a Routed network's return route. */
export type CreateReview = { uuid: string; xml: string; commands: { title: string; argv: string[]; stdin: boolean }[]; returnRoutes: string[] };
