// The subnet an `<ip>` element or the wizard's "Network" field describes, and
// the rules on its shape. IPv4: /8 to /29 (at least 8 addresses, as
// virt-manager asks). IPv6: exactly /64, which libvirt's dnsmasq setup needs.
import {
  broadcastAddress, familyOf, isPrivate, networkAddress, networkCidr, offsetAddress, parseCidr, sameAddress,
  type Cidr, type Family,
} from "../../net/ip";
import { issue, type Issue } from "./issues";

export const IPV4_PREFIX_MIN = 8;
export const IPV4_PREFIX_MAX = 29;
export const IPV6_PREFIX = 64;

const example = (f: Family) => (f === "ipv4" ? "192.168.100.0/24" : "fd00:1234:5678:9abc::/64");
export const familyName = (f: Family) => (f === "ipv4" ? "IPv4" : "IPv6");

function prefixIssue(family: Family, prefix: number): string | null {
  if (family === "ipv6") return prefix === IPV6_PREFIX ? null : "For libvirt, the IPv6 network prefix must be /64.";
  if (prefix < IPV4_PREFIX_MIN || prefix > IPV4_PREFIX_MAX) return `Use a prefix from /${IPV4_PREFIX_MIN} to /${IPV4_PREFIX_MAX}.`;
  return null;
}

/**
 * The wizard's "Network" field: a network address with its prefix. Returns the
 * parsed prefix when it is usable, so dependent rules (DHCP, route) can run.
 */
export function networkFieldIssues(
  family: Family,
  text: string,
  opts: { confirmPublic?: boolean } = {},
): { cidr: Cidr | null; issues: Issue[] } {
  const c = parseCidr(text.trim());
  if (!c || c.family !== family) {
    return { cidr: null, issues: [issue([], `Enter an ${familyName(family)} network such as ${example(family)}.`)] };
  }
  const prefixProblem = prefixIssue(family, c.prefix);
  if (prefixProblem) return { cidr: null, issues: [issue([], prefixProblem)] };
  if (!sameAddress(c.address, networkAddress(c))) {
    const meant = networkCidr(c);
    return { cidr: null, issues: [issue([], `${text.trim()} has host bits set: did you mean ${meant}?`)] };
  }
  if (!isPrivate(c) && !opts.confirmPublic) {
    return { cidr: c, issues: [issue([], `${networkCidr(c)} is not a private range. Confirm that you want to use a public range.`)] };
  }
  return { cidr: c, issues: [] };
}

/** The guests' gateway (the host's address on the bridge): the first address, as virt-manager picks it. */
export const gatewayOf = (c: Cidr) => offsetAddress(c, 1);

/** An `<ip address prefix>` of the spec: a host address (not the network or broadcast address) in a usable prefix. */
export function ipAddressIssues(family: Family, address: string, prefix: number): { cidr: Cidr | null; issues: Issue[] } {
  if (familyOf(address) !== family) {
    const eg = family === "ipv4" ? "192.168.100.1" : "fd00:1234:5678:9abc::1";
    return { cidr: null, issues: [issue(["address"], `Enter an ${familyName(family)} address such as ${eg}.`)] };
  }
  const prefixProblem = prefixIssue(family, prefix);
  if (prefixProblem) return { cidr: null, issues: [issue(["prefix"], prefixProblem)] };
  const c: Cidr = { family, address, prefix };
  if (sameAddress(address, networkAddress(c))) {
    return { cidr: c, issues: [issue(["address"], `${address} is the network address of ${networkCidr(c)}; use a host address such as ${gatewayOf(c)}.`)] };
  }
  if (family === "ipv4" && sameAddress(address, broadcastAddress(c))) {
    return { cidr: c, issues: [issue(["address"], `${address} is the broadcast address of ${networkCidr(c)}; use a host address such as ${gatewayOf(c)}.`)] };
  }
  return { cidr: c, issues: [] };
}
