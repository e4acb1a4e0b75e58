"use client";

import { useQueries } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { NetworkTable } from "./network-table";
import { fetchHostRows, hostRowsKey, type RowsResult } from "./queries";
import { useSettledRows } from "./use-settled-rows";
import { matchesFilter, type FleetRow } from "./sort-rows";
import { TextField } from "@/components/ui";

/**
 * Every host's networks in one table. Each host is its own query, fetched in
 * parallel: a dead host becomes an error row when its own read times out and
 * never delays the others' rows.
 */
export function FleetNetworks({ hosts }: { hosts: string[] }) {
  const filterId = useId();
  const [filter, setFilter] = useState("");
  const queries = useQueries({
    queries: hosts.map((host) => ({ queryKey: hostRowsKey(host), queryFn: ({ signal }: { signal: AbortSignal }) => fetchHostRows(host, signal) })),
  });
  const rows: FleetRow[] = useMemo(
    () => queries.flatMap((q, i) => (q.data?.ok ? q.data.data.rows.map((r) => ({ ...r, host: hosts[i]! })) : [])),
    [queries, hosts],
  );
  const shown = rows.filter((r) => matchesFilter(r, filter));
  const status = hosts.map((host, i) => ({ host, query: queries[i]! })).filter(({ query }) => !query.data?.ok);
  return (
    <div className="space-y-4">
      {hosts.map((host, i) => <SettleRows key={host} host={host} result={queries[i]!.data} />)}
      <div className="flex items-end gap-3">
        <TextField id={filterId} label="Filter" type="search" className="w-72" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="name, host, bridge, subnet…" />
        <span className="text-sm text-zinc-500" aria-live="polite">{shown.length} of {rows.length} networks</span>
      </div>
      <NetworkTable rows={shown} showHost extraRows={status.map(({ host, query }) => (
        <tr key={`status-${host}`} data-host-status={host} className="border-b border-zinc-100 dark:border-zinc-800">
          <td className="py-2 pl-4 pr-4 align-top">{host}</td>
          <td colSpan={10} className="py-2 pr-4 text-sm">
            {query.isPending ? <span className="text-zinc-500">Loading…</span> : (
              <span role="alert" className="text-red-700 dark:text-red-400">
                Error: {query.data && !query.data.ok ? query.data.message : (query.error as Error | null)?.message ?? "no answer"}
              </span>
            )}
          </td>
        </tr>
      ))} />
    </div>
  );
}

/** Each host's follow-up to an answer served from the live model (a hook per host needs a component per host). */
function SettleRows({ host, result }: { host: string; result: RowsResult | undefined }) {
  useSettledRows(host, result);
  return null;
}
