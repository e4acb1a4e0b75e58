// Rules for device networks (a host bridge, a macvtap pool, an SR-IOV pool),
// checked against the host's facts: the bridge must exist and be of the kind
// the network says, a NIC a bridge owns or the console's SSH session uses is
// not free for macvtap, and portgroups must be unique with VLAN tags libvirt
// and Open vSwitch accept.
import { isInterfaceName, isXmlSafe } from "../../net/names";
import type { HostFacts } from "../facts";
import type { Portgroup } from "../spec";
import { IFNAME_MESSAGE } from "./forward";
import { issue, type Issue } from "./issues";

export const VLAN_MIN = 1;
export const VLAN_MAX = 4094;
export const VLAN_RANGE_MESSAGE = `Use VLAN tags from ${VLAN_MIN} to ${VLAN_MAX}.`;
export const PORTGROUP_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** The host bridge of a bridge network: it exists, and is Open vSwitch exactly when the network says so. */
export function deviceBridgeIssues(name: string, ovs: boolean, facts: HostFacts): Issue[] {
  if (!isInterfaceName(name)) return [issue([], IFNAME_MESSAGE)];
  const isOvs = (facts.ovsBridges ?? []).includes(name);
  const isLinux = facts.bridges.includes(name);
  if (!isOvs && !isLinux) return [issue([], `There is no bridge '${name}' on this host.`)];
  if (ovs && !isOvs) return [issue([], `'${name}' is a Linux bridge, not an Open vSwitch bridge.`)];
  if (!ovs && isOvs) return [issue([], `'${name}' is an Open vSwitch bridge: guests need <virtualport type='openvswitch'/> to join it.`)];
  const owner = facts.networks.find((n) => n.bridge === name);
  if (owner) return [issue([], `'${name}' is the bridge libvirt made for network '${owner.name}'; choose a host bridge.`)];
  return [];
}

/** Portgroups: names unique and plain, at most one default, VLANs only on Open vSwitch and within 1–4094. */
export function portgroupIssues(groups: Portgroup[], ovs: boolean): Issue[] {
  const out: Issue[] = [];
  const seen = new Set<string>();
  let defaults = 0;
  groups.forEach((g, i) => {
    if (!PORTGROUP_NAME.test(g.name) || !isXmlSafe(g.name)) out.push(issue([i, "name"], "Use 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit."));
    else if (seen.has(g.name)) out.push(issue([i, "name"], `There is already a portgroup named '${g.name}'.`));
    seen.add(g.name);
    if (g.default && ++defaults > 1) out.push(issue([i, "default"], "Only one portgroup can be the default."));
    if (!g.vlan) return;
    if (!ovs) out.push(issue([i, "vlan"], "VLAN tags need an Open vSwitch bridge: libvirt refuses <vlan> on a Linux bridge network."));
    else if (g.vlan.tags.length === 0) out.push(issue([i, "vlan"], "Enter a VLAN tag, or no VLAN at all."));
    g.vlan.tags.forEach((t, j) => {
      if (!Number.isInteger(t) || t < VLAN_MIN || t > VLAN_MAX) out.push(issue([i, "vlan", "tags", j], VLAN_RANGE_MESSAGE));
    });
  });
  return out;
}

/** Why a NIC cannot carry macvtap (or be an SR-IOV pool's PF) here, or null when it can. */
export function nicBusyReason(ifname: string, facts: HostFacts): string | null {
  const port = facts.bridgePorts?.find((p) => p.ifname === ifname);
  if (port) return `'${ifname}' is a port of bridge '${port.master}': macvtap on a bridge port fails (EBUSY).`;
  if (facts.sshUplink === ifname) return `'${ifname}' carries this console's SSH connection to the host.`;
  if (facts.bridges.includes(ifname) || (facts.ovsBridges ?? []).includes(ifname)) return `'${ifname}' is a bridge, not a NIC.`;
  return null;
}

/** A macvtap pool's NICs: each exists, is free, and is named once. */
export function macvtapInterfaceIssues(interfaces: string[], facts: HostFacts): Issue[] {
  const out: Issue[] = [];
  interfaces.forEach((dev, i) => {
    if (!isInterfaceName(dev)) out.push(issue([i], IFNAME_MESSAGE));
    else if (!facts.interfaces.includes(dev)) out.push(issue([i], `There is no interface '${dev}' on this host.`));
    else if (interfaces.indexOf(dev) !== i) out.push(issue([i], `'${dev}' is already in the pool.`));
    else {
      const busy = nicBusyReason(dev, facts);
      if (busy) out.push(issue([i], busy));
    }
  });
  return out;
}

/** What the SR-IOV option looked for, for a host that has no NIC with virtual functions. */
export const SRIOV_NONE_MESSAGE =
  "No NIC on this host offers SR-IOV virtual functions (looked for /sys/class/net/*/device/sriov_totalvfs above 0).";

/** An SR-IOV pool's physical function: a NIC with virtual functions. */
export function pfIssues(pf: string, facts: HostFacts): Issue[] {
  if (!isInterfaceName(pf)) return [issue([], IFNAME_MESSAGE)];
  if (!facts.interfaces.includes(pf)) return [issue([], `There is no interface '${pf}' on this host.`)];
  const nic = facts.sriov?.find((n) => n.ifname === pf);
  if (!nic || nic.totalVfs === 0) return [issue([], `'${pf}' offers no SR-IOV virtual functions (its device has no sriov_totalvfs above 0).`)];
  return [];
}
