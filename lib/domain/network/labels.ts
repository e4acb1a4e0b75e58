// Short texts the lists, the wizard and the review show for a network.
import { isPrivate, networkCidr, offsetAddress, parseCidr, sameAddress, networkAddress } from "../net/ip";
import type { HostFacts } from "./facts";
import type { IpConfig, NetworkSpec } from "./spec";

/** The subnet of an `<ip>`, as the network prefix: 192.168.100.0/24. */
export function subnetOf(ip: Pick<IpConfig, "address" | "prefix">): string {
  const c = parseCidr(`${ip.address}/${ip.prefix}`);
  return c ? networkCidr(c) : `${ip.address}/${ip.prefix}`;
}

/** "192.168.100.128 – 192.168.100.254", "Off", or "Reservations only"; ranges joined by ", ". */
export function dhcpSummary(ip: IpConfig | undefined): string {
  if (!ip?.dhcp) return "Off";
  const ranges = ip.dhcp.ranges.map((r) => `${r.start} – ${r.end}`);
  const hosts = ip.dhcp.hosts.length;
  const reserved = hosts ? ` (${hosts} reserved)` : "";
  return ranges.length ? ranges.join(", ") + reserved : `Reservations only${reserved}`;
}

export type NetworkType = "Private" | "Other/Public";

/**
 * The wizard's read-only "Gateway" and "Type" for the text in its "Network"
 * field, or null while it is not a network address with a prefix.
 */
export function gatewayAndType(networkText: string): { gateway: string; type: NetworkType } | null {
  const c = parseCidr(networkText.trim());
  if (!c || !sameAddress(c.address, networkAddress(c)) || c.prefix > (c.family === "ipv4" ? 30 : 126)) return null;
  return { gateway: offsetAddress(c, 1), type: isPrivate(c) ? "Private" : "Other/Public" };
}

/** The first address the host has on `dev` for the family: where the upstream router should send replies. */
export function uplinkAddress(facts: Pick<HostFacts, "addresses">, dev: string, family: "ipv4" | "ipv6" = "ipv4"): string | null {
  for (const a of facts.addresses) {
    if (a.ifname !== dev) continue;
    const c = parseCidr(a.cidr, { bareIsHost: true });
    if (c && c.family === family && !(family === "ipv6" && c.address.toLowerCase().startsWith("fe80"))) return c.address;
  }
  return null;
}

/**
 * For a routed network, the routes the LAN's router needs back to the
 * network's subnets, e.g. `ip route add 10.1.2.0/24 via 192.0.2.10`. Without a
 * known uplink address the command names a placeholder. Empty for other modes.
 */
export function returnRouteHints(spec: NetworkSpec, uplink: { ipv4?: string | null; ipv6?: string | null } = {}): string[] {
  if (spec.mode !== "route") return [];
  const out: string[] = [];
  if (spec.ipv4) out.push(`ip route add ${subnetOf(spec.ipv4)} via ${uplink.ipv4 ?? "<host uplink address>"}`);
  if (spec.ipv6) out.push(`ip -6 route add ${subnetOf(spec.ipv6)} via ${uplink.ipv6 ?? "<host uplink IPv6 address>"}`);
  return out;
}

/**
 * One sentence for an editor when parsing found XML the model does not carry
 * (`ParseResult.unmodeled`): saving through forms, which rebuild the XML from
 * the model, would drop it. Null when there is nothing to warn about.
 */
export function unmodeledWarning(unmodeled: string[]): string | null {
  if (unmodeled.length === 0) return null;
  const names = [...new Set(unmodeled.map((p) => p.replace(/^\/network\//, "").replace(/\[\d+\]/g, "")))];
  return `This network has XML that Switchyard's forms do not edit (${names.join(", ")}); change it in the XML tab, because saving a form would drop it.`;
}
