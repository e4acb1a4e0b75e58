// Port forwards into a NAT network: the rule, how it is written in the
// network's own XML (a Switchyard namespace inside <metadata>, so the rules
// travel with `net-dumpxml`, exports and re-creation), and the checks a new
// rule must pass. Pure: the hook that applies the rules on the host is in
// lib/libvirt/port-forward-hook.ts and reads exactly the attributes written here.
import { isIPv4 } from "../net/ip";

/** The namespace and prefix of <swy:port-forwards>; libvirt keeps both as written. */
export const PORT_FORWARD_NS = "https://switchyard.dev/xmlns/port-forwards/1";
export const PORT_FORWARD_PREFIX = "swy";
export const PORT_FORWARDS_EL = `${PORT_FORWARD_PREFIX}:port-forwards`;
export const PORT_FORWARD_RULE_EL = `${PORT_FORWARD_PREFIX}:rule`;

export const PORT_PROTOCOLS = ["tcp", "udp"] as const;
export type PortProtocol = (typeof PORT_PROTOCOLS)[number];

/** Inclusive; a single port has start === end. */
export type PortRange = { start: number; end: number };

export type PortForwardRule = {
  protocol: PortProtocol;
  /** One of the host's IPv4 addresses; absent means every address of the host. */
  hostAddress?: string;
  hostPorts: PortRange;
  guestAddress: string;
  guestPorts: PortRange;
  comment?: string;
};

/** "8080" or "8080-8090" (what the form and the XML carry). */
export const formatPorts = (r: PortRange) => (r.start === r.end ? String(r.start) : `${r.start}-${r.end}`);

/** The inverse of formatPorts; null for anything else (leading zeros, spaces, out of range, reversed). */
export function parsePorts(text: string): PortRange | null {
  const m = /^([1-9][0-9]{0,4})(?:-([1-9][0-9]{0,4}))?$/.exec(text);
  if (!m) return null;
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start > 65535 || end > 65535 || end < start) return null;
  return { start, end };
}

export const rangeLength = (r: PortRange) => r.end - r.start + 1;
const rangesOverlap = (a: PortRange, b: PortRange) => a.start <= b.end && b.start <= a.end;

/** Same protocol, overlapping host ports, and addresses that meet (an "any" rule meets every address). */
export function rulesClash(a: PortForwardRule, b: PortForwardRule): boolean {
  if (a.protocol !== b.protocol || !rangesOverlap(a.hostPorts, b.hostPorts)) return false;
  return a.hostAddress === undefined || b.hostAddress === undefined || a.hostAddress === b.hostAddress;
}

export const sameRule = (a: PortForwardRule, b: PortForwardRule) =>
  a.protocol === b.protocol &&
  a.hostAddress === b.hostAddress &&
  a.guestAddress === b.guestAddress &&
  formatPorts(a.hostPorts) === formatPorts(b.hostPorts) &&
  formatPorts(a.guestPorts) === formatPorts(b.guestPorts);

/** A stable key for one rule (the UI's remove button names a rule by it). */
export const ruleKey = (r: PortForwardRule) => `${r.protocol}|${r.hostAddress ?? "*"}|${formatPorts(r.hostPorts)}|${r.guestAddress}|${formatPorts(r.guestPorts)}`;

export type RuleDiff = { added: PortForwardRule[]; removed: PortForwardRule[]; kept: PortForwardRule[] };

/** What a change does, for the plan's notes: rules are compared by what they forward, not by comment. */
export function diffRules(before: PortForwardRule[], after: PortForwardRule[]): RuleDiff {
  const inList = (list: PortForwardRule[]) => (r: PortForwardRule) => list.some((o) => sameRule(o, r));
  return {
    added: after.filter((r) => !inList(before)(r)),
    removed: before.filter((r) => !inList(after)(r)),
    kept: after.filter(inList(before)),
  };
}

/** One line for people: "tcp 198.18.0.2:8080 → 192.168.122.10:80 (web)". */
export function describeRule(r: PortForwardRule): string {
  const comment = r.comment ? ` (${r.comment})` : "";
  return `${r.protocol} ${r.hostAddress ?? "*"}:${formatPorts(r.hostPorts)} → ${r.guestAddress}:${formatPorts(r.guestPorts)}${comment}`;
}

// XML: <metadata><swy:port-forwards xmlns:swy="…"><swy:rule proto host-address? host-port guest-address guest-port comment?/>…

type El = Record<string, unknown>;

/** The <metadata> element for these rules (fast-xml-parser builder shape), or undefined for none. */
export function portForwardsMetadata(rules: PortForwardRule[] | undefined): El | undefined {
  if (!rules || rules.length === 0) return undefined;
  return {
    [PORT_FORWARDS_EL]: {
      [`@_xmlns:${PORT_FORWARD_PREFIX}`]: PORT_FORWARD_NS,
      [PORT_FORWARD_RULE_EL]: rules.map((r) => ({
        "@_proto": r.protocol,
        "@_host-address": r.hostAddress,
        "@_host-port": formatPorts(r.hostPorts),
        "@_guest-address": r.guestAddress,
        "@_guest-port": formatPorts(r.guestPorts),
        "@_comment": r.comment,
      })),
    },
  };
}

/** The attributes of one <swy:rule> as a rule, or why not (the XML parser turns it into a ParseError). */
export function ruleFromAttributes(get: (name: string) => string | undefined): PortForwardRule | string {
  const proto = get("proto");
  if (proto !== "tcp" && proto !== "udp") return `proto must be tcp or udp, found '${proto ?? ""}'`;
  const hostAddress = get("host-address");
  if (hostAddress !== undefined && !isIPv4(hostAddress)) return `host-address '${hostAddress}' is not an IPv4 address`;
  const hostPorts = parsePorts(get("host-port") ?? "");
  const guestPorts = parsePorts(get("guest-port") ?? "");
  if (!hostPorts || !guestPorts) return "host-port and guest-port must be ports or ranges such as 8080 or 8080-8090";
  if (rangeLength(hostPorts) !== rangeLength(guestPorts)) return "host-port and guest-port ranges must be of the same length";
  const guestAddress = get("guest-address") ?? "";
  if (!isIPv4(guestAddress)) return `guest-address '${guestAddress}' is not an IPv4 address`;
  const comment = get("comment");
  return { protocol: proto, ...(hostAddress === undefined ? {} : { hostAddress }), hostPorts, guestAddress, guestPorts, ...(comment === undefined ? {} : { comment }) };
}
