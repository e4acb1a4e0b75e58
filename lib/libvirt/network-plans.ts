import "server-only";
import { virshArgv } from "@/lib/libvirt/virsh";
import type { HostSnapshot, SnapshotNetwork } from "@/lib/domain/host/snapshot";
import { attachedDomains } from "@/lib/domain/host/snapshot-vms";
import type { PlanDraft, PlanStep } from "@/lib/domain/plan";
import { hostNetworksHref } from "@/lib/routes";

// The lifecycle changes as plans. Every command addresses the network by the
// UUID read in the snapshot, never by name: a name may have been reused by
// another network between the read and the apply, a UUID cannot.

export const NETWORK_CHANGES = ["start", "stop", "autostart-on", "autostart-off", "delete"] as const;
export type NetworkChange = (typeof NETWORK_CHANGES)[number];

type Host = { id: string; name: string };

const start = (n: SnapshotNetwork): PlanStep => ({
  title: "Start the network",
  argv: virshArgv("net-start", [], [n.uuid]),
  undo: { title: "Stop it again", argv: virshArgv("net-destroy", [], [n.uuid]) },
});

const stop = (n: SnapshotNetwork): PlanStep => ({
  title: "Stop the network (net-destroy: it stays defined)",
  argv: virshArgv("net-destroy", [], [n.uuid]),
  undo: { title: "Start it again", argv: virshArgv("net-start", [], [n.uuid]) },
});

const autostart = (n: SnapshotNetwork, on: boolean): PlanStep => ({
  title: on ? "Start the network at boot" : "Do not start the network at boot",
  argv: virshArgv("net-autostart", on ? [] : ["--disable"], [n.uuid]),
  undo: { title: "Restore the previous setting", argv: virshArgv("net-autostart", on ? ["--disable"] : [], [n.uuid]) },
});

const undefine = (n: SnapshotNetwork): PlanStep => ({ title: "Remove the network's definition", argv: virshArgv("net-undefine", [], [n.uuid]) });

/** Who the change affects, and how; the consequence is only said when someone is attached. */
function vmNotes(snapshot: HostSnapshot, n: SnapshotNetwork, onlyRunning: boolean, consequence: string): string[] {
  const vms = attachedDomains(snapshot, n).filter((d) => !onlyRunning || d.state === "running");
  if (vms.length === 0) return [onlyRunning ? "No running VM is attached to this network." : "No VM is attached to this network."];
  const what = onlyRunning ? "running VM" : "VM";
  return [`${vms.length} ${what}${vms.length === 1 ? "" : "s"} attached: ${vms.map((d) => `${d.name} (${d.state})`).join(", ")}.`, consequence];
}

function stepsFor(change: NetworkChange, snapshot: HostSnapshot, n: SnapshotNetwork): { steps: PlanStep[]; notes: string[] } {
  switch (change) {
    case "start":
      return { steps: [start(n)], notes: [] };
    case "stop":
      return { steps: [stop(n)], notes: vmNotes(snapshot, n, true, "Their interfaces lose connectivity until the network is started again.") };
    case "autostart-on":
    case "autostart-off":
      return { steps: [autostart(n, change === "autostart-on")], notes: ["Takes effect at the host's next boot (or libvirtd restart); the network's state now does not change."] };
    case "delete": {
      // An active network undefined first would live on as a transient one: destroy, then undefine.
      const steps = [...(n.active ? [stop(n)] : []), ...(n.persistent ? [undefine(n)] : [])];
      return { steps, notes: vmNotes(snapshot, n, false, "Their interfaces keep pointing at a network that no longer exists.") };
    }
  }
}

const VERB: Record<NetworkChange, string> = {
  start: "Start",
  stop: "Stop",
  "autostart-on": "Turn on autostart for",
  "autostart-off": "Turn off autostart for",
  delete: "Delete",
};

export function networkChangePlan(change: NetworkChange, host: Host, snapshot: HostSnapshot, network: SnapshotNetwork): PlanDraft {
  const { steps, notes } = stepsFor(change, snapshot, network);
  const networksHref = hostNetworksHref(host.name);
  return {
    action: `network.${change}`,
    host,
    target: network.name,
    summary: `${VERB[change]} network ${network.name} on ${host.name}`,
    steps,
    xml: network.xml,
    notes,
    ...(change === "delete" ? { confirmPhrase: network.name, nextHref: networksHref } : {}),
  };
}

/** Why a change cannot be planned for the network's current state, or null. */
export function refusal(change: NetworkChange, n: SnapshotNetwork): string | null {
  if (change === "start" && n.active) return "The network is already running.";
  if (change === "stop" && !n.active) return "The network is not running.";
  if ((change === "autostart-on" || change === "autostart-off") && !n.persistent) return "A transient network has no autostart setting.";
  return null;
}
