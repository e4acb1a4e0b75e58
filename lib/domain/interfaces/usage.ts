import type { HostSnapshot, SnapshotNetwork } from "../host/snapshot";
import { devicesOf } from "../network/modes";

// What uses each host interface: a libvirt network, a VM, or the SSH session
// the console itself runs over. The refusals and the page's "Used by" column
// both read this, so what the page shows is what the rules enforce.

export type InterfaceUse =
  | { kind: "network"; name: string; active: boolean; how: string }
  | { kind: "vm"; name: string; running: boolean; how: string }
  | { kind: "ssh"; how: string };

type Facts = Pick<HostSnapshot, "networks" | "domains" | "links" | "addresses" | "routes">;

function networkUse(network: SnapshotNetwork, ifname: string): string | null {
  return (network.spec && devicesOf(network.spec).find((d) => d.ifname === ifname)?.how) ?? null;
}

/**
 * The interfaces that carry the console's SSH session: the one holding the
 * address the host is registered under, the one the default route leaves
 * through, and what they stand on (a bridge's ports, a VLAN's lower device).
 */
export function sshCarriers(facts: Pick<Facts, "links" | "addresses" | "routes">, sshAddress: string): Map<string, string> {
  const carriers = new Map<string, string>();
  for (const a of facts.addresses) if (a.local === sshAddress) carriers.set(a.ifname, `holds ${sshAddress}, the address the console connects to`);
  for (const r of facts.routes) if (r.dst === "default" && r.dev && !carriers.has(r.dev)) carriers.set(r.dev, "carries the default route");
  for (const [name, why] of [...carriers]) {
    for (const l of facts.links) if (l.master === name && !carriers.has(l.ifname)) carriers.set(l.ifname, `port of ${name}, which ${why}`);
    const lower = facts.links.find((l) => l.ifname === name)?.lower;
    if (lower && !carriers.has(lower)) carriers.set(lower, `lower device of ${name}, which ${why}`);
  }
  return carriers;
}

export function usesOf(facts: Facts, sshAddress: string, ifname: string): InterfaceUse[] {
  const uses: InterfaceUse[] = [];
  const ssh = sshCarriers(facts, sshAddress).get(ifname);
  if (ssh) uses.push({ kind: "ssh", how: ssh });
  for (const n of facts.networks) {
    const how = networkUse(n, ifname);
    if (how) uses.push({ kind: "network", name: n.name, active: n.active, how });
  }
  for (const d of facts.domains) {
    for (const nic of d.interfaces) {
      const how =
        nic.target === ifname ? (nic.type === "direct" ? "its macvtap device" : "its tap device")
        : (nic.type === "bridge" || nic.type === "network") && nic.bridge === ifname ? "its NIC is plugged into this bridge"
        : nic.type === "direct" && nic.sourceDev === ifname ? "macvtap on this NIC"
        : null;
      if (how) uses.push({ kind: "vm", name: d.name, running: d.state === "running" || d.state === "paused", how });
    }
  }
  return uses;
}

export function describeUse(use: InterfaceUse): string {
  if (use.kind === "ssh") return `the SSH session (${use.how})`;
  if (use.kind === "network") return `network ${use.name}${use.active ? "" : " (inactive)"} (${use.how})`;
  return `VM ${use.name}${use.running ? "" : " (not running)"} (${use.how})`;
}
