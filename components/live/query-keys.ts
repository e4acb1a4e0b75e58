import type { QueryClient, QueryKey } from "@tanstack/react-query";

// The query keys live updates refresh. A host's libvirt data is cached under a
// key whose first element names the kind of data and whose second names the
// host: the networks pages use ["host-view", <host name>]
// (components/networks/queries.ts); new per-host data keys start with
// ["host", <host>]. Fleet-wide queries start with ["fleet"]. "host-status" is left alone: it is
// the SSH reachability check, which libvirt events say nothing about.

const HOST_DATA = new Set(["host", "host-view"]);

/** True when `queryKey` caches libvirt data of this host (by id or by name) or of the whole fleet. */
export function isHostDataKey(queryKey: QueryKey, names: ReadonlySet<string>): boolean {
  const [kind, host] = queryKey;
  return kind === "fleet" || (typeof kind === "string" && HOST_DATA.has(kind) && typeof host === "string" && names.has(host));
}

/** Marks the host's data and every fleet query stale; queries on screen refetch once. */
export function invalidateHost(client: QueryClient, host: { hostId: string; hostName?: string }): Promise<void> {
  const names = new Set([host.hostId, host.hostName].filter((n): n is string => Boolean(n)));
  return client.invalidateQueries({ predicate: ({ queryKey }) => isHostDataKey(queryKey, names) });
}
