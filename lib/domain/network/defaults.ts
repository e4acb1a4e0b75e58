// Defaults as virt-manager sets them, computed against the host's facts.
import { offsetAddress, parseCidr, sizeOf, networkCidr, type Cidr } from "../net/ip";
import type { HostFacts } from "./facts";
import { DHCP_RANGE_LIMIT } from "./schema/dhcp";
import { isFree } from "./schema/overlap";
import type { DhcpRange } from "./spec";

/** network1, network2, … : the first name no network on the host has. */
export function defaultNetworkName(facts: Pick<HostFacts, "networks">): string {
  const taken = new Set(facts.networks.map((n) => n.name));
  for (let i = 1; ; i++) if (!taken.has(`network${i}`)) return `network${i}`;
}

/** The first /24 from 192.168.100.0/24 upwards that overlaps nothing on the host; null when 192.168.100–255 are all taken. */
export function defaultIpv4Network(facts: HostFacts): string | null {
  for (let third = 100; third <= 255; third++) {
    const c: Cidr = { family: "ipv4", address: `192.168.${third}.0`, prefix: 24 };
    if (isFree(c, facts)) return networkCidr(c);
  }
  return null;
}

/**
 * DHCPv4 as virt-manager proposes it: network + n/2 to network + n − 2 (for a
 * /24, .128 to .254). For prefixes shorter than /16 that is more than libvirt's
 * 65,535-address limit, so the range keeps its start and is cut to the limit.
 */
export function defaultDhcpV4(network: Cidr): DhcpRange {
  const n = sizeOf(network);
  const start = n / 2n;
  let end = n - 2n;
  if (end - start + 1n > DHCP_RANGE_LIMIT) end = start + DHCP_RANGE_LIMIT - 1n;
  return { start: offsetAddress(network, start), end: offsetAddress(network, end) };
}

/** DHCPv6 as virt-manager proposes it: network + 256 to network + 511. */
export function defaultDhcpV6(network: Cidr): DhcpRange {
  return { start: offsetAddress(network, 256), end: offsetAddress(network, 511) };
}

/** The default range for a "Network" field's text, or null while it does not parse. */
export function defaultDhcpFor(networkText: string): DhcpRange | null {
  const c = parseCidr(networkText.trim());
  if (!c) return null;
  return c.family === "ipv4" ? defaultDhcpV4(c) : defaultDhcpV6(c);
}

/** Source of random bytes; injectable so tests are repeatable. */
export type RandomBytes = (n: number) => Uint8Array;

export const cryptoRandomBytes: RandomBytes = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n));

/** A random unique-local /64 (RFC 4193): fd, a 40-bit global id and a 16-bit subnet id. */
export function randomUlaNetwork(random: RandomBytes = cryptoRandomBytes): string {
  const b = random(7);
  const hex = (i: number) => (b[i] ?? 0).toString(16).padStart(2, "0");
  const groups = [`fd${hex(0)}`, `${hex(1)}${hex(2)}`, `${hex(3)}${hex(4)}`, `${hex(5)}${hex(6)}`];
  const c = parseCidr(`${groups.join(":")}::/64`)!;
  return networkCidr(c);
}

/** A random UUID (v4) for a new network, so the apply and its rollback can address it. */
export function randomUuid(random: RandomBytes = cryptoRandomBytes): string {
  const b = random(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
