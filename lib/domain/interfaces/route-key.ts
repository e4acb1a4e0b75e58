import type { HostRoute } from "../host/snapshot";

// How the Interfaces page names a route the operator may remove, and how the
// server finds it again in what it reads fresh: by the same words, compared
// as text, never run.

export type RouteRow = { key: string; dev: string; family: "inet" | "inet6" };

export const routeKey = (r: { dst: string; dev?: string; gateway?: string; metric?: number }) =>
  `${r.dst}${r.gateway ? ` via ${r.gateway}` : ""} dev ${r.dev ?? "?"}${r.metric !== undefined ? ` metric ${r.metric}` : ""}`;

/** Main-table unicast routes through a device (not the local table's, not multicast, not IPv6 link-local ones each link makes). */
export function removableRoutes(routes: readonly HostRoute[]): RouteRow[] {
  return routes
    .filter((r) => r.dev && (!r.type || r.type === "unicast") && !(r.family === "inet6" && r.dst.startsWith("fe80:")))
    .map((r) => ({ key: routeKey(r), dev: r.dev!, family: r.family }));
}
