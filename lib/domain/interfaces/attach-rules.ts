import type { HostSnapshot, SnapshotDomain } from "../host/snapshot";
import type { AttachSpec } from "./attach-spec";
import { linkKind } from "./classify";
import { macsInUse } from "./mac";
import { findLink } from "./names";
import { sshCarriers } from "./usage";

// Whether a NIC can be attached as asked, checked against the host as read.
// libvirt would refuse most of these too, but only after the operator has
// confirmed, and in words about QEMU rather than about their host.

type Facts = Pick<HostSnapshot, "networks" | "domains" | "links" | "addresses" | "routes">;

/** Field-keyed problems ("source", "mac", "vm"); empty when the attach may be planned. */
export function attachProblems(facts: Facts, sshAddress: string, vm: SnapshotDomain, spec: AttachSpec): Record<string, string> {
  const problems: Record<string, string> = {};
  const live = vm.state === "running" || vm.state === "paused";
  if (vm.state === "other") problems.vm = `${vm.name} is in a state that cannot take a new interface now; refresh and try again.`;
  const source = spec.source;
  if (source.kind === "network") {
    const network = facts.networks.find((n) => n.name === source.network);
    if (!network) problems.source = `There is no network ${source.network} on this host.`;
    else if (live && !network.active) problems.source = `Network ${network.name} is not running; start it before plugging a running VM into it.`;
    else if (source.portgroup !== undefined) {
      const groups = network.spec?.mode === "bridge" ? (network.spec.portgroups ?? []).map((g) => g.name) : [];
      if (!groups.includes(source.portgroup)) problems.portgroup = `Network ${network.name} has no portgroup ${source.portgroup}.`;
    }
  } else if (source.kind === "bridge") {
    const link = findLink(facts.links, source.bridge);
    if (!link || linkKind(link) !== "bridge") problems.source = `There is no bridge ${source.bridge} on this host.`;
  } else {
    const link = findLink(facts.links, source.dev);
    const kind = link ? linkKind(link) : undefined;
    if (!link || kind !== "nic") problems.source = `${source.dev} is not a NIC on this host${kind ? ` (it is a ${kind})` : ""}.`;
    // The kernel refuses macvtap on a bridge port with EBUSY.
    else if (link.master) problems.source = `${source.dev} is a port of bridge ${link.master}; macvtap needs a NIC that is in no bridge.`;
    else if (source.mode === "passthrough" && sshCarriers(facts, sshAddress).has(source.dev)) {
      problems.source = `${source.dev} carries the console's SSH session; passthrough mode would hand it to the VM.`;
    }
  }
  if (spec.mac.kind === "typed" && macsInUse(facts).has(spec.mac.address)) {
    const address = spec.mac.address;
    const owner = facts.domains.find((d) => d.interfaces.some((n) => n.mac === address));
    problems.mac = `${address} is already in use ${owner ? `by VM ${owner.name}` : "by an interface on this host"}.`;
  }
  return problems;
}
