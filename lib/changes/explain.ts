import { IPROUTE2_FALLBACK, IPROUTE2_LINE, IPROUTE2_RULES } from "./explain-iproute2";

// libvirt's and iproute2's refusals in plain words. The operator always sees
// the tool's own message too; this says what it means and what to do. Pure,
// so it is unit tested on the exact messages libvirt 9 and iproute2 6 print.

const LIBVIRT_RULES: [RegExp, string][] = [
  [/requires exclusive access to interfaces, but none are available/i, "This macvtap network is in passthrough mode: each of its host NICs serves one guest NIC at a time, and every NIC of its pool is already taken. Detach the guest NIC that holds it, add a free NIC to the pool, or use bridge mode, where guests share a NIC."],
  [/error creating macvtap interface [^@\s]+@(\S+) .*Device or resource busy/i, "Linux would not put a macvtap interface on $1 because the device is busy, most often because it is a bridge port (a device can carry macvtap or be a bridge port, not both). Attach the VM to that bridge instead, or choose a free device."],
  [/Network is already in use by interface (\S+)/i, "Another interface on the host ($1) already has this subnet. Choose a subnet nobody uses, or remove the other address first."],
  [/network '.*' already exists|already exists with uuid/i, "A network with this name or UUID already exists on the host. Pick another name, or refresh: someone may have just created it."],
  [/network is not active|is not running/i, "The network is not running, so it cannot be stopped or changed live. Refresh the page to see its current state."],
  [/network is already active|is already running/i, "The network is already running."],
  [/Network not found|no network with matching/i, "The network is gone from the host: someone changed it out of band. Refresh the page."],
  [/Cannot (get interface MTU|create bridge|set bridge).*|Numerical result out of range|Name too long|bridge name.*too long/i, "Linux refused to create the network's bridge (its name may be too long or already taken)."],
  [/range .* is too large/i, "The DHCP range is larger than libvirt allows (65,535 addresses). Make it smaller."],
  [/dnsmasq/i, "libvirt could not start dnsmasq, the network's DHCP and DNS server. The message says why; a port or address may already be taken."],
  [/XML error|XML document failed to validate|failed to parse|Extra element/i, "libvirt refused the XML. The message names the element it did not accept."],
  [/Requested operation is not valid/i, "libvirt says the network is not in a state that allows this. Refresh and try again."],
  [/failed to connect to the hypervisor|libvirtd is not running/i, "libvirtd is not running on the host, so nothing was changed."],
  [/not responding|keepalive timeout/i, "libvirtd did not answer in time. It may be hung or overloaded."],
  [/not in the libvirt group|Permission denied|access denied/i, "The SSH user may not manage libvirt on this host."],
  [/unreachable|connection dropped|did not finish within/i, "The host stopped answering during the change. What already ran may have taken effect; refresh to see the host's state."],
];

export function explainFailure(message: string): string {
  // iproute2's table first: its patterns are anchored to iproute2's own line starts.
  for (const [pattern, text] of [...IPROUTE2_RULES, ...LIBVIRT_RULES]) {
    const m = pattern.exec(message);
    // $1 stands for the first group that matched (a pattern may offer alternatives).
    if (m) return text.replaceAll("$1", m.slice(1).find((g) => g !== undefined) ?? "");
  }
  return IPROUTE2_LINE.test(message) ? IPROUTE2_FALLBACK : "libvirt refused the change. Its message above says why.";
}
