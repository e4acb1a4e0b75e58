import type { HostLink } from "../host/snapshot";
import { linkKind } from "./classify";
import { describeUse, type InterfaceUse } from "./usage";

// Host interface changes the console refuses, each answer naming who would be
// hurt. Pure: given the link and its users as read from the host, say no or null.

const ssh = (uses: InterfaceUse[]) => uses.find((u) => u.kind === "ssh");

function sshRefusal(name: string, uses: InterfaceUse[]): string | null {
  const s = ssh(uses);
  return s ? `${name} carries the console's SSH session (${s.how}); changing it would cut this host off.` : null;
}

export function deleteRefusal(link: HostLink, uses: InterfaceUse[], expected: "bridge" | "tap"): string | null {
  if (linkKind(link) !== expected) return `${link.ifname} is not a ${expected === "tap" ? "TAP device" : "bridge"}.`;
  const cut = sshRefusal(link.ifname, uses);
  if (cut) return cut;
  const networks = uses.filter((u) => u.kind === "network");
  if (networks.length > 0) return `${link.ifname} is used by ${networks.map(describeUse).join(", ")}. Remove or change the network first.`;
  const running = uses.filter((u) => u.kind === "vm" && u.running);
  if (running.length > 0) return `${link.ifname} is used by ${running.map(describeUse).join(", ")}. Stop the VM or remove its interface first.`;
  return null;
}

/** Adding `port` to `bridge` (ip link set dev PORT master BRIDGE). */
export function enslaveRefusal(port: HostLink, portUses: InterfaceUse[], bridge: HostLink | undefined): string | null {
  if (!bridge || linkKind(bridge) !== "bridge") return "Choose an existing bridge.";
  const kind = linkKind(port);
  if (kind !== "tap" && kind !== "nic") return `${port.ifname} is a ${kind}; only a TAP device or a NIC can be added to a bridge.`;
  if (port.master === bridge.ifname) return `${port.ifname} is already a port of ${bridge.ifname}.`;
  const cut = sshRefusal(port.ifname, portUses);
  if (cut) return cut;
  const vm = portUses.find((u) => u.kind === "vm" && u.running);
  if (vm) return `${port.ifname} belongs to ${describeUse(vm)}; moving it would take the VM off its network.`;
  const macvtap = portUses.find((u) => u.kind === "network" || (u.kind === "vm" && u.how.startsWith("macvtap")));
  if (macvtap) return `${port.ifname} is used by ${describeUse(macvtap)}; a bridge port cannot carry macvtap (EBUSY).`;
  return null;
}

/** Taking `port` out of its bridge (ip link set dev PORT nomaster). */
export function releaseRefusal(port: HostLink, portUses: InterfaceUse[]): string | null {
  if (!port.master) return `${port.ifname} is not a port of any bridge.`;
  const cut = sshRefusal(port.ifname, portUses);
  if (cut) return cut;
  const vm = portUses.find((u) => u.kind === "vm" && u.running);
  if (vm) return `${port.ifname} belongs to ${describeUse(vm)}; removing it from ${port.master} would take the VM off its network.`;
  return null;
}
