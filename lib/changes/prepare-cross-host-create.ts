import "server-only";
import { crossHostNetworksHref } from "@/lib/routes";
import { fail, type ActionResult, type FieldErrors } from "@/lib/actions/result";
import type { Operator } from "@/lib/auth/roles";
import {
  createParts,
  namesTakenProblem,
  networkXmlFor,
  segmentMtu,
  subnetOf,
  underlayCandidates,
  underlayMtu,
  type CrossHostCreateInput,
  type CrossHostSegment,
} from "@/lib/domain/cross-host";
import type { Plan } from "@/lib/domain/plan";
import { crossHostSteps } from "@/lib/libvirt/vxlan-plans";
import { listSegments } from "./cross-host-store";
import { readHosts } from "./cross-host-read";
import { storePlan } from "./plan-store";

// "Create a cross-host network": every chosen host is read fresh, the names
// and the VNI must be free on each and in the site, each underlay address must
// be the host's own, and the segment's MTU comes from their devices. The plan
// holds every host's steps: the gateway's first, then the others.

export const RUNTIME_NOTE =
  "The bridges, VXLAN ports and peer entries are runtime host changes: they do not survive a reboot of a host. The libvirt networks are defined (persistent) but not set to autostart, since on their own after a reboot they would carry no traffic between hosts.";

export async function prepareCrossHostCreate({ operator, input }: { operator: Operator; input: CrossHostCreateInput }): Promise<ActionResult<Plan>> {
  const segments = await listSegments();
  const errors: FieldErrors = {};
  if (segments.some((s) => s.name === input.name)) errors.name = `A cross-host network named '${input.name}' already exists.`;
  const sameVni = segments.find((s) => s.vni === input.vni);
  if (sameVni) errors.vni = `VNI ${input.vni} is used by '${sameVni.name}'; each cross-host network needs its own.`;
  if (Object.keys(errors).length) return fail("invalid", "Check the highlighted fields.", errors);

  const reads = await readHosts(input.hosts.map((h) => h.host));
  const hosts: CrossHostSegment["hosts"] = [];
  reads.forEach((read, i) => {
    const wanted = input.hosts[i]!;
    if (!read.ok) {
      errors[`hosts.${i}.host`] = `${wanted.host} could not be read: ${read.message}`;
      return;
    }
    const { host, snapshot } = read.data;
    const taken = namesTakenProblem(snapshot, input.name, input.vni);
    if (taken) errors[taken.startsWith("A network") ? "name" : "vni"] = `${host.name}: ${taken}`;
    const mtu = underlayMtu(snapshot, wanted.underlay);
    if (mtu === null) {
      const offered = underlayCandidates(snapshot).map((c) => `${c.address} (${c.ifname})`).join(", ");
      errors[`hosts.${i}.underlay`] = `${wanted.underlay} is not an address of ${host.name}; it has ${offered || "no usable IPv4 address"}.`;
      return;
    }
    hosts.push({ hostId: host.id, hostName: host.name, underlay: wanted.underlay, underlayMtu: mtu });
  });
  if (Object.keys(errors).length) return fail("invalid", "Check the highlighted fields.", errors);

  const gateway = hosts.find((h) => h.hostName === input.gateway)!;
  const mtu = segmentMtu(hosts.map((h) => h.underlayMtu));
  if (mtu < 1280) return fail("invalid", "Check the highlighted fields.", { hosts: `The smallest underlay MTU leaves ${mtu} bytes for guests; VXLAN needs an underlay MTU of at least 1330.` });
  const segment: CrossHostSegment = {
    name: input.name,
    vni: input.vni,
    mtu,
    gatewayHostId: gateway.hostId,
    addressing: { mode: input.mode, ...subnetOf(input), dhcp: { start: input.dhcpStart, end: input.dhcpEnd } },
    hosts,
  };
  const smallest = hosts.reduce((a, b) => (b.underlayMtu < a.underlayMtu ? b : a));
  return storePlan(
    {
      action: "cross-host.create",
      host: { id: gateway.hostId, name: gateway.hostName },
      target: segment.name,
      summary: `Create cross-host network ${segment.name} (VNI ${segment.vni}) on ${hosts.map((h) => h.hostName).join(", ")}`,
      steps: crossHostSteps(createParts(segment)),
      xml: networkXmlFor(segment, gateway.hostId),
      notes: [
        `MTU ${mtu}: ${smallest.hostName}'s underlay MTU ${smallest.underlayMtu} minus VXLAN's 50 bytes; written into ${gateway.hostName}'s network and set on every host's bridge and VXLAN port.`,
        `Applied host by host, ${gateway.hostName} (the gateway) first; if any host fails, every host's done steps are undone.`,
        RUNTIME_NOTE,
      ],
      crossHost: { kind: "save", segment },
      nextHref: crossHostNetworksHref,
    },
    operator.id,
  );
}
