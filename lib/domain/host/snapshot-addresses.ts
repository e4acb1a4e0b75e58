// Every address a VM NIC is known by, and where each came from: the network's
// DHCP leases, the host's neighbour table on the NIC's bridge (ARP for IPv4,
// NDP for IPv6: this also finds guests with static addresses and guests on
// host bridges, where no libvirt DHCP runs), and the QEMU guest agent where
// one answers (`virsh domifaddr --source agent`). Pure: parsed from the host
// read's sections, merged per NIC by MAC.
import type { DhcpLease, HostSnapshot, SnapshotDomain } from "./snapshot";

export const ADDRESS_SOURCES = ["lease", "arp", "ndp", "agent"] as const;
export type AddressSource = (typeof ADDRESS_SOURCES)[number];

export type NicAddress = { ip: string; prefix?: number; sources: AddressSource[] };

/** One neighbour entry with a link-layer address (`ip -j neigh show`); failed and incomplete entries have none. */
export type Neighbour = { ip: string; dev: string; mac: string };

export function neighboursFromJson(text: string): Neighbour[] {
  let rows: unknown;
  try {
    rows = JSON.parse(text.trim() || "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(rows)) return [];
  const out: Neighbour[] = [];
  for (const row of rows as Record<string, unknown>[]) {
    const { dst, dev, lladdr, state } = row;
    if (typeof dst !== "string" || typeof dev !== "string" || typeof lladdr !== "string") continue;
    if (Array.isArray(state) && state.some((s) => s === "FAILED" || s === "INCOMPLETE")) continue;
    out.push({ ip: dst, dev, mac: lladdr.toLowerCase() });
  }
  return out;
}

/** `virsh domifaddr --source agent` → MAC → addresses. A row whose MAC is "-" continues the previous NIC. */
export function parseDomifaddr(text: string): Map<string, { ip: string; prefix?: number }[]> {
  const out = new Map<string, { ip: string; prefix?: number }[]>();
  let mac: string | null = null;
  for (const line of text.split("\n")) {
    const cols = line.trim().replace(/^virsh # /, "").split(/\s+/);
    if (cols.length !== 4 || (cols[2] !== "ipv4" && cols[2] !== "ipv6")) continue;
    if (cols[1] !== "-") mac = cols[1]!.toLowerCase();
    if (!mac || !/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/.test(mac)) continue;
    const m = /^([0-9a-fA-F.:]+)\/(\d{1,3})$/.exec(cols[3]!);
    if (!m) continue;
    out.set(mac, [...(out.get(mac) ?? []), { ip: m[1]!, prefix: Number(m[2]) }]);
  }
  return out;
}

export type AddressInputs = {
  leases: { mac: string; ip: string; prefix: number }[];
  neighbours: Neighbour[];
  agent: Map<string, { ip: string; prefix?: number }[]>;
};

const isLinkLocal = (ip: string) => /^fe80:/i.test(ip) || ip.startsWith("169.254.");

/**
 * The addresses of one NIC, each once with all its sources. Neighbours count
 * only on the NIC's own bridge when it has one (the same MAC seen elsewhere
 * is another path, not this NIC). The agent's loopback is left out; IPv6
 * link-local addresses only when nothing else is known.
 */
export function mergeNicAddresses(nic: { mac?: string; bridge?: string }, inputs: AddressInputs): NicAddress[] {
  const mac = nic.mac?.toLowerCase();
  if (!mac) return [];
  const byIp = new Map<string, NicAddress>();
  const add = (ip: string, source: AddressSource, prefix?: number) => {
    const key = ip.toLowerCase();
    const entry = byIp.get(key) ?? { ip, sources: [] };
    if (prefix !== undefined && entry.prefix === undefined) entry.prefix = prefix;
    if (!entry.sources.includes(source)) entry.sources.push(source);
    byIp.set(key, entry);
  };
  for (const l of inputs.leases) if (l.mac.toLowerCase() === mac) add(l.ip, "lease", l.prefix);
  for (const n of inputs.neighbours) if (n.mac === mac && (!nic.bridge || n.dev === nic.bridge)) add(n.ip, n.ip.includes(":") ? "ndp" : "arp");
  for (const a of inputs.agent.get(mac) ?? []) if (!a.ip.startsWith("127.") && a.ip !== "::1") add(a.ip, "agent", a.prefix);
  const all = [...byIp.values()];
  const global = all.filter((a) => !isLinkLocal(a.ip));
  return (global.length ? global : all).sort((a, b) => Number(a.ip.includes(":")) - Number(b.ip.includes(":")) || a.ip.localeCompare(b.ip));
}

/** "192.168.122.10 (lease, arp)" for lists and search. */
export const describeAddress = (a: NicAddress) => `${a.ip} (${a.sources.join(", ")})`;

/** A NIC's addresses; a snapshot from before the neighbour read knows only its leases. */
export const nicAddresses = (nic: { ips?: string[]; addresses?: NicAddress[] }): NicAddress[] =>
  nic.addresses ?? (nic.ips ?? []).map((ip) => ({ ip, sources: ["lease"] }));

/** What one refresh reads (one small exec): current leases per active network, the neighbour table, each running guest's agent answer. */
export type AddressRefresh = {
  leases: Record<string, DhcpLease[]>;
  neighbours: Neighbour[];
  agent: Record<string, [mac: string, addresses: { ip: string; prefix?: number }[]][]>;
};

/** The domains with every NIC's addresses merged again from a refresh (leases of all refreshed networks). */
export function refreshDomains(domains: SnapshotDomain[], r: AddressRefresh, otherLeases: DhcpLease[] = []): SnapshotDomain[] {
  const leases = [...Object.values(r.leases).flat(), ...otherLeases];
  return domains.map((d) => {
    const inputs: AddressInputs = { leases, neighbours: r.neighbours, agent: new Map(r.agent[d.uuid] ?? []) };
    return {
      ...d,
      interfaces: d.interfaces.map((nic) => ({
        ...nic,
        ips: leases.filter((l) => nic.mac !== undefined && l.mac === nic.mac).map((l) => l.ip),
        addresses: mergeNicAddresses(nic, inputs),
      })),
    };
  });
}

/** The snapshot with fresh leases on the refreshed networks and fresh addresses on every guest. */
export function refreshSnapshot(s: HostSnapshot, r: AddressRefresh): HostSnapshot {
  const networks = s.networks.map((n) => (r.leases[n.uuid] ? { ...n, leases: r.leases[n.uuid]! } : n));
  const otherLeases = networks.filter((n) => !r.leases[n.uuid]).flatMap((n) => n.leases);
  return { ...s, networks, domains: refreshDomains(s.domains, r, otherLeases) };
}
