import "server-only";
import { randomBytes } from "node:crypto";
import type { HostRef } from "@/lib/domain/host/snapshot";
import type { GuardedChange, NetState, PlanDraft } from "@/lib/domain/plan";
import { disarmArgv, launchArgv } from "@/lib/libvirt/deadman";
import { virshArgv } from "@/lib/libvirt/virsh";
import type { SshTarget } from "@/lib/ssh";

// The plan of any change that runs under the dead-man switch, in the three
// steps guarded-change.ts applies: arm and change in the switch's detached
// context, prove the host over a new SSH connection, disarm. "Bridge this
// NIC" and "Unbridge" build theirs by hand; the removals and the Open vSwitch
// changes on the uplink share this one.

const RUNTIME_ONLY = "Runtime only: iproute2 changes the running kernel, not the host's network configuration; after a reboot the host's own configuration applies again.";

/** The guard's own fields (see GuardedChange), with the runner always named, plus what the plan around it says. */
export type GuardedDraftInput = Pick<GuardedChange, "kind" | "seconds" | "nic" | "bridge" | "doInput" | "undoInput" | "before" | "after"> & {
  runner: NonNullable<GuardedChange["runner"]>;
  target: SshTarget;
  host: HostRef;
  action: string;
  what: string;
  summary: string;
  /** Why this change can cut the host off, in words. */
  why: string;
  notes: string[];
  persistence?: string;
};

export function guardedDraft(i: GuardedDraftInput): PlanDraft {
  const switchId = randomBytes(12).toString("hex");
  const guard: GuardedChange = {
    kind: i.kind,
    runner: i.runner,
    switchId,
    seconds: i.seconds,
    nic: i.nic,
    bridge: i.bridge,
    doInput: i.doInput,
    undoInput: i.undoInput,
    before: i.before,
    after: i.after,
    reachedAt: `${i.target.address}:${i.target.port}`,
    hostKey: i.target.pinnedFingerprint ?? "",
    // No network manager was asked here (only "Bridge this NIC" detects one): say what is true either way.
    persistence: { manager: "none", text: i.persistence ?? RUNTIME_ONLY },
  };
  return {
    action: i.action,
    host: i.host,
    target: i.what,
    summary: i.summary,
    steps: [
      {
        title: `Start the dead-man switch (runs the undo ${i.runner === "argv" ? "commands" : "input"} in ${i.seconds} s unless disarmed) and make the change in its detached context`,
        argv: launchArgv(switchId, i.seconds, i.doInput, i.undoInput, i.runner),
      },
      { title: `Prove the host reachable: a new SSH connection to ${guard.reachedAt}, host key ${guard.hostKey} unchanged, virsh answering`, argv: virshArgv("version") },
      { title: "Disarm the switch", argv: disarmArgv(switchId) },
    ],
    notes: [`Guarded because ${i.why}: unless Switchyard proves the host reachable through a new SSH connection within ${i.seconds} s, the host undoes the change by itself.`, ...i.notes],
    guard,
  };
}

/** The devices' part of a wider read: their addresses and masters, and the routes through them. */
export function projectNetState(all: NetState, devices: readonly string[]): NetState {
  return {
    addresses: Object.fromEntries(devices.map((d) => [d, all.addresses[d] ?? []])),
    routes: all.routes.filter((r) => devices.includes(r.dev)),
    masters: Object.fromEntries(devices.map((d) => [d, all.masters[d] ?? null])),
  };
}
