// DHCP ranges and static hosts. libvirt refuses a reversed or out-of-subnet
// range and one over 65,535 addresses, but accepts a static host outside the
// subnet and duplicate hosts until dnsmasq trips on them: those are ours.
import { broadcastAddress, compareAddresses, contains, familyOf, networkAddress, networkCidr, offsetOf, sameAddress, type Cidr } from "../../net/ip";
import { isMac, normalizeMac } from "../../net/mac";
import { isDnsLabel } from "../../net/names";
import type { DhcpHost, DhcpRange } from "../spec";
import { count, issue, type Issue, type Path } from "./issues";
import { familyName } from "./subnet";

/**
 * A DHCPv6 client id, as libvirt's schema (basictypes.rng) accepts it: the four
 * DUID types LLT, EN, LL and UUID, colon-separated hex. A looser id passes our
 * check only to be refused by `net-define --validate`.
 */
const DUID = [
  /^0{1,2}:0?1:0{1,2}:0?[a-fA-F1-9](:[a-fA-F0-9]{1,2}){4}(:[a-fA-F0-9]{1,2}){6,8}$/,
  /^0{1,2}:0?2(:[a-fA-F0-9]{1,2}){4}(:[a-fA-F0-9]{1,2}){1,124}$/,
  /^0{1,2}:0?3:0{1,2}:0?[a-fA-F1-9](:[a-fA-F0-9]{1,2}){6,8}$/,
  /^0{1,2}:0?4(:[a-fA-F0-9]{1,2}){16}$/,
];
export const isDuid = (text: string) => DUID.some((re) => re.test(text));

/** libvirt: "range … is too large" above this many addresses. */
export const DHCP_RANGE_LIMIT = 65_535n;

function reservedAddressIssue(net: Cidr, gateway: string, address: string, what: string): string | null {
  if (!contains(net, address)) return `The ${what} must be inside ${networkCidr(net)}.`;
  if (sameAddress(address, networkAddress(net))) return `The ${what} cannot be the network address ${networkAddress(net)}.`;
  if (net.family === "ipv4" && sameAddress(address, broadcastAddress(net))) {
    return `The ${what} cannot be the broadcast address ${broadcastAddress(net)}.`;
  }
  if (sameAddress(address, gateway)) return `The ${what} cannot be the gateway address ${gateway}.`;
  return null;
}

/** One range, with the field names the caller uses for its start and end. */
export function dhcpRangeIssues(
  net: Cidr,
  gateway: string,
  range: DhcpRange,
  paths: { start: Path; end: Path } = { start: ["start"], end: ["end"] },
): Issue[] {
  const out: Issue[] = [];
  const fam = familyName(net.family);
  const check = (value: string, path: Path, what: string) => {
    if (familyOf(value) !== net.family) {
      out.push(issue(path, `Enter an ${fam} address for the ${what}.`));
      return false;
    }
    const problem = reservedAddressIssue(net, gateway, value, what);
    if (problem) out.push(issue(path, problem));
    return !problem;
  };
  const startOk = check(range.start, paths.start, "start");
  const endOk = check(range.end, paths.end, "end");
  if (!startOk || !endOk) return out;
  if (compareAddresses(range.start, range.end) > 0) {
    return [issue(paths.start, `The start ${range.start} comes after the end ${range.end}.`)];
  }
  const size = offsetOf(net, range.end) - offsetOf(net, range.start) + 1n;
  if (size > DHCP_RANGE_LIMIT) {
    out.push(issue(paths.end, `This range holds ${count(size)} addresses; libvirt allows at most ${count(DHCP_RANGE_LIMIT)}.`));
  }
  return out;
}

/** Static hosts of one `<dhcp>`: a valid MAC (IPv4) or DUID/name (IPv6), an address inside the subnet, no duplicates. */
export function dhcpHostIssues(net: Cidr, gateway: string, hosts: DhcpHost[]): Issue[] {
  const out: Issue[] = [];
  const seenMac = new Map<string, number>();
  const seenIp: string[] = [];
  hosts.forEach((h, i) => {
    if (net.family === "ipv4" && h.mac === undefined) out.push(issue([i, "mac"], "Enter the guest's MAC address."));
    if (h.mac !== undefined && !isMac(h.mac)) out.push(issue([i, "mac"], "Enter a MAC address such as 52:54:00:12:34:56."));
    if (net.family === "ipv6" && h.mac !== undefined) out.push(issue([i, "mac"], "IPv6 reservations are keyed by DUID or name, not MAC."));
    if (net.family === "ipv6" && !h.id && !h.name) out.push(issue([i, "id"], "Enter the guest's DUID or host name."));
    if (h.id !== undefined && !isDuid(h.id)) out.push(issue([i, "id"], "Enter a DUID as colon-separated hex bytes, such as 00:03:00:01:52:54:00:12:34:56."));
    if (h.name !== undefined && !isDnsLabel(h.name)) out.push(issue([i, "name"], "Use a host name of letters, digits and '-' (at most 63 characters)."));
    if (familyOf(h.ip) !== net.family) out.push(issue([i, "ip"], `Enter an ${familyName(net.family)} address.`));
    else {
      const problem = reservedAddressIssue(net, gateway, h.ip, "address");
      if (problem) out.push(issue([i, "ip"], problem));
      else if (seenIp.some((ip) => sameAddress(ip, h.ip))) out.push(issue([i, "ip"], `Another host already has ${h.ip}.`));
      seenIp.push(h.ip);
    }
    if (h.mac !== undefined && isMac(h.mac)) {
      const key = normalizeMac(h.mac);
      if (seenMac.has(key)) out.push(issue([i, "mac"], `Another host already has MAC ${h.mac}.`));
      seenMac.set(key, i);
    }
  });
  return out;
}
