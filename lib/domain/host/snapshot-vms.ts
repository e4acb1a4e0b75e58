// Which guests use a network. A guest's XML names its network by name
// (`<source network='default'/>`); names are unique on a host at any one
// moment, so within one snapshot the name is a sound join. A running guest's
// live XML also names the bridge, which catches a network renamed since.
import { bridgeOf, MODES } from "../network/modes";
import type { HostSnapshot, SnapshotDomain, SnapshotNetwork, VmInterface } from "./snapshot";

export type AttachedVm = { domain: SnapshotDomain; nic: VmInterface };

function usesNetwork(nic: VmInterface, network: SnapshotNetwork): boolean {
  if (nic.type === "network") return nic.network === network.name;
  // A type=bridge NIC on a libvirt network's own bridge is attached to it too.
  const spec = network.spec;
  const bridge = spec && MODES[spec.mode].ownsBridge ? bridgeOf(spec) : undefined;
  return nic.type === "bridge" && !!bridge && nic.bridge === bridge;
}

/** Every (guest, interface) pair on the network, in guest-name order. */
export function attachedVms(snapshot: Pick<HostSnapshot, "domains">, network: SnapshotNetwork): AttachedVm[] {
  return snapshot.domains
    .flatMap((domain) => domain.interfaces.filter((nic) => usesNetwork(nic, network)).map((nic) => ({ domain, nic })))
    .sort((a, b) => a.domain.name.localeCompare(b.domain.name));
}

/** Distinct guests on the network. */
export function attachedDomains(snapshot: Pick<HostSnapshot, "domains">, network: SnapshotNetwork): SnapshotDomain[] {
  const seen = new Map<string, SnapshotDomain>();
  for (const { domain } of attachedVms(snapshot, network)) seen.set(domain.uuid, domain);
  return [...seen.values()];
}

export function findNetworkByName(snapshot: Pick<HostSnapshot, "networks">, name: string): SnapshotNetwork | undefined {
  return snapshot.networks.find((n) => n.name === name);
}

export function findNetworkByUuid(snapshot: Pick<HostSnapshot, "networks">, uuid: string): SnapshotNetwork | undefined {
  return snapshot.networks.find((n) => n.uuid === uuid.toLowerCase());
}
