import "server-only";
import { crossHostNetworksHref } from "@/lib/routes";
import { fail, type ActionResult } from "@/lib/actions/result";
import type { Operator } from "@/lib/auth/roles";
import { leavePart, presentParts, type HostPart, type PendingRemoval } from "@/lib/domain/cross-host";
import type { Plan } from "@/lib/domain/plan";
import { crossHostSteps, pendingCommands } from "@/lib/libvirt/vxlan-plans";
import { findSegment } from "./cross-host-store";
import { readHosts } from "./cross-host-read";
import { storePlan } from "./plan-store";

// Deleting a segment removes what each host still has of it. A host that does
// not answer now is not waited for: its whole part is recorded as pending and
// removed the next time it is read (cross-host-pending.ts).

export async function prepareCrossHostDelete({ operator, input }: { operator: Operator; input: { segment: string } }): Promise<ActionResult<Plan>> {
  const segment = await findSegment(input.segment);
  if (!segment) return fail("not-found", `There is no cross-host network '${input.segment}'.`);
  const reads = await readHosts(segment.hosts.map((h) => h.hostId));
  const parts: HostPart[] = [];
  const pending: PendingRemoval[] = [];
  reads.forEach((read, i) => {
    const host = segment.hosts[i]!;
    if (read.ok) {
      const part = leavePart(segment, host, presentParts(read.data.snapshot, segment.name, segment.vni));
      if (part.ops.length) parts.push(part);
    } else {
      // Everything, since nobody can see what is left there.
      const all = leavePart(segment, host, { networkDefined: true, networkActive: true, vxlan: true, bridge: true });
      pending.push({ hostId: host.hostId, hostName: host.hostName, commands: pendingCommands(all) });
    }
  });
  const gateway = segment.hosts.find((h) => h.hostId === segment.gatewayHostId)!;
  return storePlan(
    {
      action: "cross-host.delete",
      host: { id: gateway.hostId, name: gateway.hostName },
      target: segment.name,
      summary: `Delete cross-host network ${segment.name} (VNI ${segment.vni}) from ${segment.hosts.map((h) => h.hostName).join(", ")}`,
      steps: crossHostSteps(parts),
      notes: [
        ...pending.map((p) => `${p.hostName} does not answer: its part is listed as pending and removed the next time it answers.`),
        "A delete is not undone if a step fails: delete again to remove what is left.",
      ],
      confirmPhrase: segment.name,
      crossHost: { kind: "delete", name: segment.name, pending },
      nextHref: crossHostNetworksHref,
    },
    operator.id,
  );
}
