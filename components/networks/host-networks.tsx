"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { HostError } from "./host-error";
import { NetworkTable } from "./network-table";
import { fetchHostRows, hostRowsKey, type RowsResult } from "./queries";
import { useSettledRows } from "./use-settled-rows";

/**
 * One host's networks. The server rendered the page with the table's rows only
 * (from the live host model, or from one read when the model was not current);
 * they seed the query, and live updates refetch the rows alone.
 */
export function HostNetworks({ host, initial }: { host: string; initial: RowsResult }) {
  const query = useQuery({ queryKey: hostRowsKey(host), queryFn: ({ signal }) => fetchHostRows(host, signal), initialData: initial });
  const result = query.data;
  useSettledRows(host, result);
  const rows = useMemo(() => (result.ok ? result.data.rows.map((r) => ({ ...r, host })) : []), [result, host]);
  if (!result.ok) return <HostError host={host} failure={result} />;
  if (rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No virtual networks are defined on {host}.</p>;
  // data-rows-source: whether this answer came from the live host model or a read (tests and the bench check it).
  return (
    <div data-rows-source={result.data.source}>
      <NetworkTable rows={rows} />
    </div>
  );
}
