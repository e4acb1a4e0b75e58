import type { QueryClient, QueryKey } from "@tanstack/react-query";

// The query-key convention live updates rely on: every query about one host
// starts with ["host", <host id or name>], and fleet-wide queries start with
// ["fleet"]. A change event for a host invalidates both (the fleet lists that
// host's networks too). Pages build their keys with these helpers so the two
// sides cannot drift apart.

export const hostQueryKey = (host: string, ...rest: readonly unknown[]): QueryKey => ["host", host, ...rest];
export const fleetQueryKey = (...rest: readonly unknown[]): QueryKey => ["fleet", ...rest];

/** Marks every query of this host (by id or by name) and every fleet query stale; active ones refetch once. */
export function invalidateHost(client: QueryClient, host: { hostId: string; hostName?: string }): Promise<void> {
  const names = new Set([host.hostId, host.hostName].filter((n): n is string => Boolean(n)));
  return client.invalidateQueries({
    predicate: ({ queryKey }) => queryKey[0] === "fleet" || (queryKey[0] === "host" && names.has(queryKey[1] as string)),
  });
}
