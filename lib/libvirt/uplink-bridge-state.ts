import type { NetState, NicAddress, NicRoute } from "@/lib/domain/plan";

// The addresses and routes of a few devices, read from iproute2's JSON and
// reduced to what identifies them (lifetimes tick, so they are left out).
// Two reads of an unchanged host give equal NetStates: that is how a revert is
// judged, as data, never as text.

type Json = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
const num = (v: unknown) => (typeof v === "number" ? v : undefined);

function rows(text: string): Json[] {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  const value: unknown = JSON.parse(trimmed);
  if (!Array.isArray(value)) throw new Error("iproute2 did not print a JSON array");
  return value.filter((v): v is Json => !!v && typeof v === "object");
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== false)) as T;
}

/** `ip -j addr show`: per device, the addresses the change may move (not link-local ones: each link makes its own). */
export function addressesFromIpJson(text: string, devices: readonly string[]): Record<string, NicAddress[]> {
  const out: Record<string, NicAddress[]> = Object.fromEntries(devices.map((d) => [d, []]));
  for (const row of rows(text)) {
    const dev = str(row.ifname);
    if (!dev || !(dev in out)) continue;
    for (const a of Array.isArray(row.addr_info) ? (row.addr_info as Json[]) : []) {
      if ((a.family !== "inet" && a.family !== "inet6") || !str(a.local) || num(a.prefixlen) === undefined) continue;
      if (a.scope === "link" || a.scope === "host") continue;
      out[dev]!.push(compact({
        family: a.family,
        local: a.local as string,
        prefixlen: a.prefixlen as number,
        broadcast: str(a.broadcast),
        scope: str(a.scope),
        dynamic: a.dynamic === true,
        noprefixroute: a.noprefixroute === true,
      }));
    }
  }
  return out;
}

/** `ip -j route show table main` (and `ip -6 …`): the routes through the devices. */
export function routesFromIpJson(text: string, family: "inet" | "inet6", devices: readonly string[]): NicRoute[] {
  return rows(text)
    .filter((r) => str(r.dev) && devices.includes(r.dev as string) && str(r.dst))
    .map((r) =>
      compact({
        family,
        dst: r.dst as string,
        gateway: str(r.gateway),
        dev: r.dev as string,
        protocol: str(r.protocol),
        scope: str(r.scope),
        metric: num(r.metric),
        prefsrc: str(r.prefsrc),
        type: str(r.type),
        onlink: Array.isArray(r.flags) && (r.flags as unknown[]).includes("onlink"),
      }),
    )
    // Multicast and the kernel's own IPv6 link routes are per link, never moved.
    .filter((r) => r.type !== "multicast" && !(family === "inet6" && r.dst.startsWith("fe80:")));
}

/** `ip -d -j link show`: which bridge each device is a port of. */
export function mastersFromIpJson(text: string, devices: readonly string[]): Record<string, string | null> {
  const out: Record<string, string | null> = Object.fromEntries(devices.map((d) => [d, null]));
  for (const row of rows(text)) {
    const dev = str(row.ifname);
    if (dev && dev in out) out[dev] = str(row.master) ?? null;
  }
  return out;
}

const key = (value: unknown) => JSON.stringify(value, Object.keys(value as object).sort());

function sortedKeys<T extends object>(list: readonly T[]): string[] {
  return list.map(key).sort();
}

/** Where two states differ, in words; empty when they are equal as data. */
export function netStateDifferences(expected: NetState, actual: NetState): string[] {
  const out: string[] = [];
  for (const dev of Object.keys(expected.addresses)) {
    const a = sortedKeys(expected.addresses[dev] ?? []);
    const b = sortedKeys(actual.addresses[dev] ?? []);
    if (a.join("|") !== b.join("|")) out.push(`${dev}: addresses ${describe(actual.addresses[dev] ?? [])} instead of ${describe(expected.addresses[dev] ?? [])}`);
  }
  const ra = sortedKeys(expected.routes);
  const rb = sortedKeys(actual.routes);
  if (ra.join("|") !== rb.join("|")) out.push(`routes ${actual.routes.map(routeText).join("; ") || "none"} instead of ${expected.routes.map(routeText).join("; ") || "none"}`);
  for (const dev of Object.keys(expected.masters)) {
    if ((expected.masters[dev] ?? null) !== (actual.masters[dev] ?? null)) out.push(`${dev}: port of ${actual.masters[dev] ?? "nothing"} instead of ${expected.masters[dev] ?? "nothing"}`);
  }
  return out;
}

const describe = (list: readonly NicAddress[]) => (list.length ? list.map((a) => `${a.local}/${a.prefixlen}`).join(", ") : "none");

function routeText(r: NicRoute): string {
  return [r.dst, r.gateway ? `via ${r.gateway}` : "", `dev ${r.dev}`, r.protocol ? `proto ${r.protocol}` : "", r.scope ? `scope ${r.scope}` : "", r.prefsrc ? `src ${r.prefsrc}` : "", r.metric !== undefined ? `metric ${r.metric}` : ""]
    .filter(Boolean)
    .join(" ");
}
