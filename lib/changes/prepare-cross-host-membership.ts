import "server-only";
import { crossHostNetworksHref } from "@/lib/routes";
import { fail, type ActionResult } from "@/lib/actions/result";
import type { Operator } from "@/lib/auth/roles";
import { addHostParts, namesTakenProblem, presentParts, removeHostParts, underlayMtu, withoutHost, type CrossHostSegment } from "@/lib/domain/cross-host";
import type { Plan } from "@/lib/domain/plan";
import { crossHostSteps } from "@/lib/libvirt/vxlan-plans";
import { findSegment } from "./cross-host-store";
import { readHosts } from "./cross-host-read";
import { storePlan } from "./plan-store";
import { RUNTIME_NOTE } from "./prepare-cross-host-create";

// Adding or removing one host of a segment: the host joins (or leaves), and
// every other host's flooding peers change with it. The hosts already in the
// segment are only given (or lose) one `bridge fdb` entry each, so their
// guests' traffic is not disturbed.

const invalid = (field: string, message: string) => fail("invalid", "Check the highlighted fields.", { [field]: message });

export async function prepareCrossHostAddHost({ operator, input }: { operator: Operator; input: { segment: string; host: string; underlay: string } }): Promise<ActionResult<Plan>> {
  const current = await findSegment(input.segment);
  if (!current) return fail("not-found", `There is no cross-host network '${input.segment}'.`);
  const [read] = await readHosts([input.host]);
  if (!read!.ok) return invalid("host", `${input.host} could not be read: ${read!.message}`);
  const { host, snapshot } = read!.data;
  if (current.hosts.some((h) => h.hostId === host.id)) return invalid("host", `${host.name} is already in ${current.name}.`);
  if (current.hosts.some((h) => h.underlay === input.underlay)) return invalid("underlay", `${input.underlay} is already another host's underlay address.`);
  const taken = namesTakenProblem(snapshot, current.name, current.vni);
  if (taken) return invalid("host", `${host.name}: ${taken}`);
  const mtu = underlayMtu(snapshot, input.underlay);
  if (mtu === null) return invalid("underlay", `${input.underlay} is not an address of ${host.name}.`);
  if (mtu - 50 < current.mtu) return invalid("underlay", `${host.name}'s underlay MTU ${mtu} leaves ${mtu - 50} bytes, less than the segment's MTU ${current.mtu}.`);
  const next: CrossHostSegment = { ...current, hosts: [...current.hosts, { hostId: host.id, hostName: host.name, underlay: input.underlay, underlayMtu: mtu }] };
  return storePlan(
    {
      action: "cross-host.add-host",
      host: { id: host.id, name: host.name },
      target: current.name,
      summary: `Add ${host.name} to cross-host network ${current.name} (VNI ${current.vni})`,
      steps: crossHostSteps(addHostParts(next, host.id)),
      notes: [`${current.hosts.map((h) => h.hostName).join(", ")} each get one more flooding peer; nothing else on them changes.`, RUNTIME_NOTE],
      crossHost: { kind: "save", segment: next },
      nextHref: crossHostNetworksHref,
    },
    operator.id,
  );
}

export async function prepareCrossHostRemoveHost({ operator, input }: { operator: Operator; input: { segment: string; host: string } }): Promise<ActionResult<Plan>> {
  const current = await findSegment(input.segment);
  if (!current) return fail("not-found", `There is no cross-host network '${input.segment}'.`);
  const leaving = current.hosts.find((h) => h.hostName === input.host || h.hostId === input.host);
  if (!leaving) return invalid("host", `${input.host} is not in ${current.name}.`);
  if (leaving.hostId === current.gatewayHostId) return invalid("host", `${leaving.hostName} is the gateway (DHCP and the subnet live there); delete the network instead.`);
  if (current.hosts.length <= 2) return invalid("host", `${current.name} would span one host; delete it instead.`);
  const reads = await readHosts(current.hosts.map((h) => h.hostId));
  const down = reads.flatMap((r, i) => (r.ok ? [] : [`${current.hosts[i]!.hostName}: ${r.message}`]));
  if (down.length) return fail("host-unreachable", `Every host of the segment must answer to change its peers: ${down.join("; ")}`);
  const read = reads[current.hosts.indexOf(leaving)]!;
  if (!read.ok) return read;
  const present = presentParts(read.data.snapshot, current.name, current.vni);
  return storePlan(
    {
      action: "cross-host.remove-host",
      host: { id: leaving.hostId, name: leaving.hostName },
      target: current.name,
      summary: `Remove ${leaving.hostName} from cross-host network ${current.name}`,
      steps: crossHostSteps(removeHostParts(current, leaving.hostId, present)),
      notes: [`Guests on ${leaving.hostName}'s side lose the segment.`],
      crossHost: { kind: "save", segment: withoutHost(current, leaving.hostId) },
      nextHref: crossHostNetworksHref,
    },
    operator.id,
  );
}
