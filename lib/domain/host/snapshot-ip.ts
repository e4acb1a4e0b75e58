// Readers for iproute2's JSON (`ip -d -j addr`, `ip -j route`), reduced to the
// fields the pages and the topology use.
// Output that is not JSON (an old iproute2 without -j) reads as nothing, with a warning.
import type { BridgePort, HostAddress, HostLink, HostRoute } from "./snapshot";

type Json = Record<string, unknown>;

export function parseJsonArray(text: string): Json[] | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith("[")) return null;
  try {
    const value: unknown = JSON.parse(trimmed);
    return Array.isArray(value) ? (value.filter((v) => v && typeof v === "object") as Json[]) : null;
  } catch {
    return null;
  }
}

const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
const num = (v: unknown) => (typeof v === "number" ? v : undefined);

export function linksFromJson(rows: Json[]): HostLink[] {
  return rows
    .filter((r) => str(r.ifname))
    .map((r) => {
      const info = (r.linkinfo ?? {}) as Json;
      const flags = Array.isArray(r.flags) ? (r.flags as unknown[]) : [];
      const link: HostLink = { ifname: r.ifname as string, ifindex: num(r.ifindex) ?? 0, up: flags.includes("UP") };
      const extra: Partial<HostLink> = {
        mtu: num(r.mtu),
        operstate: str(r.operstate),
        mac: str(r.address),
        master: str(r.master),
        kind: str(info.info_kind),
        lower: str(r.link),
      };
      for (const [key, value] of Object.entries(extra)) if (value !== undefined) Object.assign(link, { [key]: value });
      return link;
    });
}

export function addressesFromJson(rows: Json[]): HostAddress[] {
  return rows.flatMap((r) =>
    (Array.isArray(r.addr_info) ? (r.addr_info as Json[]) : [])
      .filter((a) => (a.family === "inet" || a.family === "inet6") && str(a.local) && num(a.prefixlen) !== undefined)
      .map((a) => ({
        ifname: str(r.ifname) ?? "",
        family: a.family as "inet" | "inet6",
        local: a.local as string,
        prefixlen: a.prefixlen as number,
        ...(str(a.scope) ? { scope: a.scope as string } : {}),
      })),
  );
}

export function routesFromJson(rows: Json[], family: "inet" | "inet6"): HostRoute[] {
  return rows
    .filter((r) => str(r.dst))
    .map((r) => {
      const route: HostRoute = { family, dst: r.dst as string };
      for (const key of ["gateway", "dev", "protocol", "type"] as const) {
        const value = str(r[key]);
        if (value) route[key] = value;
      }
      const metric = num(r.metric);
      if (metric !== undefined) route.metric = metric;
      return route;
    });
}

/**
 * Bridge ports as `ip -d -j link|addr` reports them: a port's linkinfo names
 * its master's kind and carries the STP state, so `bridge -j link` (one more
 * process on the host) adds nothing.
 */
export function bridgePortsFromLinks(rows: Json[]): BridgePort[] {
  return rows.flatMap((r) => {
    const info = (r.linkinfo ?? {}) as Json;
    if (info.info_slave_kind !== "bridge" || !str(r.ifname) || !str(r.master)) return [];
    const state = str(((info.info_slave_data ?? {}) as Json).state);
    return [{ ifname: r.ifname as string, master: r.master as string, ...(state ? { state } : {}) }];
  });
}

// An IPv6 route always carries RTA_PREF ("pref"); an IPv4 one never does.
const isInet6 = (r: Json) => r.pref !== undefined || [r.dst, r.gateway, r.prefsrc].some((v) => typeof v === "string" && v.includes(":"));

/** `ip -j route show table all`: the main table's routes of both families, as `ip route` and `ip -6 route` list them. */
export function mainRoutesFromJson(rows: Json[]): HostRoute[] {
  const main = rows.filter((r) => r.table === undefined || r.table === "main");
  return [
    ...routesFromJson(main.filter((r) => !isInet6(r)), "inet"),
    ...routesFromJson(main.filter(isInet6), "inet6"),
  ];
}
