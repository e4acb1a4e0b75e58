// What the wizard's device page offers on a host, read from the same snapshot
// as its facts: host bridges (Linux and Open vSwitch) with their ports and
// addresses, NICs for a macvtap pool with the reason a NIC is not free, and the
// NICs with SR-IOV virtual functions. Pure: the page computes it on the server.
import type { HostSnapshot } from "@/lib/domain/host/snapshot";
import { nicBusyReason, SRIOV_NONE_MESSAGE, type HostFacts } from "@/lib/domain/network";

export type BridgeChoice = { name: string; ovs: boolean; ports: string[]; addresses: string[] };
export type NicChoice = { name: string; busy: string | null };
export type WizardDeviceChoices = {
  bridges: BridgeChoice[];
  nics: NicChoice[];
  sriov: { name: string; totalVfs: number }[];
  /** Why the SR-IOV option is disabled, when it is. */
  sriovDisabled: string | null;
};

// Links that are not NICs a guest could sit on: loopback, bridges, taps (OVS internal ports too), guests' macvtaps.
const NOT_A_NIC = new Set(["bridge", "tun", "tap", "macvtap", "macvlan", "openvswitch"]);

export function deviceChoices(snapshot: HostSnapshot, facts: HostFacts): WizardDeviceChoices {
  const owned = new Set(facts.networks.map((n) => n.bridge).filter(Boolean));
  const addressesOf = (ifname: string) => snapshot.addresses.filter((a) => a.ifname === ifname && a.scope !== "link").map((a) => `${a.local}/${a.prefixlen}`);
  const ovs = snapshot.ovs?.bridges ?? [];
  const ovsNames = new Set(ovs.map((b) => b.name));
  const linux = snapshot.links
    .filter((l) => l.kind === "bridge" && !owned.has(l.ifname))
    .map((l) => ({ name: l.ifname, ovs: false, ports: snapshot.bridgePorts.filter((p) => p.master === l.ifname).map((p) => p.ifname), addresses: addressesOf(l.ifname) }));
  const switches = ovs.map((b) => ({
    name: b.name,
    ovs: true,
    ports: b.ports.filter((p) => p.name !== b.name).map((p) => p.name),
    addresses: addressesOf(b.name),
  }));
  const nics = snapshot.links
    .filter((l) => l.ifname !== "lo" && !(l.kind && NOT_A_NIC.has(l.kind)) && !ovsNames.has(l.ifname) && l.ifname !== "ovs-netdev")
    .map((l) => ({ name: l.ifname, busy: nicBusyReason(l.ifname, facts) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const sriov = (snapshot.sriov ?? []).filter((n) => n.totalVfs > 0).map((n) => ({ name: n.ifname, totalVfs: n.totalVfs }));
  return {
    bridges: [...linux, ...switches].sort((a, b) => a.name.localeCompare(b.name)),
    nics,
    sriov,
    sriovDisabled: sriov.length ? null : SRIOV_NONE_MESSAGE,
  };
}
