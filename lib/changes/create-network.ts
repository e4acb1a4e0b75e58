import "server-only";
import { virshArgv } from "@/lib/libvirt/virsh";
import { buildNetworkXml, type NetworkSpec } from "@/lib/domain/network";
import type { PlanDraft, PlanStep } from "@/lib/domain/plan";
import { networkHref } from "@/lib/routes";

// The wizard's Finish as a plan for the shared apply flow: define (the XML on
// stdin), start, then autostart if chosen. Every command after define names
// the network by the UUID this request put into the XML, and so does every
// undo: a rollback can only ever touch the network this request defined,
// never one another operator created under the same name a moment earlier.
// libvirt itself refuses to define a name that exists with another UUID
// ("network 'x' already exists with uuid …"), so define never replaces one.

type Host = { id: string; name: string };

export function createNetworkSteps(uuid: string, autostart: boolean): PlanStep[] {
  const steps: PlanStep[] = [
    {
      title: "Define the network from the XML below",
      argv: virshArgv("net-define", ["--validate"], ["/dev/stdin"]),
      undo: { title: "Remove the definition", argv: virshArgv("net-undefine", [], [uuid]) },
    },
    {
      title: "Start the network",
      argv: virshArgv("net-start", [], [uuid]),
      undo: { title: "Stop it", argv: virshArgv("net-destroy", [], [uuid]) },
    },
  ];
  // Last step: nothing runs after it, so it needs no undo of its own.
  if (autostart) steps.push({ title: "Start the network at boot", argv: virshArgv("net-autostart", [], [uuid]) });
  return steps;
}

/** The plan for a spec that carries its UUID (wizardToSpec(values, { uuid })). */
export function createNetworkPlan(host: Host, spec: NetworkSpec & { uuid: string }, autostart: boolean): PlanDraft {
  const xml = buildNetworkXml(spec);
  const steps = createNetworkSteps(spec.uuid, autostart);
  steps[0] = { ...steps[0]!, stdin: xml };
  return {
    action: "network.create",
    host,
    target: spec.name,
    summary: `Create network ${spec.name} on ${host.name}`,
    steps,
    xml,
    notes: [],
    nextHref: networkHref(host.name, spec.name),
  };
}
