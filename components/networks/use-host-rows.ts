"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, useSyncExternalStore } from "react";
import { fetchHostRows, hostRowsKey, type RowsResult } from "./queries";

/**
 * One host's list rows, kept in the shared query cache under hostRowsKey so
 * live updates (components/live) invalidate them like any host data, but
 * without TanStack's query observer: useQuery alone was about 3 kB of this
 * page's compressed JS, which the page's JS budget (≤ 150 kB) cannot spare.
 * What the observer did for this page, it does here: show the server's rows,
 * follow the cache, and refetch when the rows are invalidated while shown.
 */
export function useHostRows(host: string, initial: RowsResult): RowsResult {
  const client = useQueryClient();
  const cache = client.getQueryCache();
  const key = hostRowsKey(host);
  const hash = JSON.stringify(key);
  // Cached rows older than this render's server answer (an earlier visit) are not shown.
  const [renderedAt] = useState(() => Date.now());

  useEffect(() => {
    client.setQueryData(hostRowsKey(host), initial);
  }, [client, host, initial]);

  const state = useSyncExternalStore(
    (onChange) => cache.subscribe(onChange),
    () => cache.find<RowsResult>({ queryKey: hostRowsKey(host), exact: true })?.state,
    () => undefined,
  );

  useEffect(() => {
    let running: AbortController | null = null;
    const refetch = () => {
      running?.abort();
      const mine = (running = new AbortController());
      // A further invalidation while this fetch runs must be seen again (TanStack dispatches only the first).
      cache.find({ queryKey: hostRowsKey(host), exact: true })?.setState({ isInvalidated: false });
      fetchHostRows(host, mine.signal).then(
        (rows) => !mine.signal.aborted && client.setQueryData(hostRowsKey(host), rows),
        () => {}, // aborted by a newer refetch or by leaving the page
      );
    };
    const unsubscribe = cache.subscribe((event) => {
      if (JSON.stringify(event.query.queryKey) !== hash) return;
      if (event.type === "updated" && event.action.type === "invalidate") refetch();
      // A query nobody observes is garbage-collected after gcTime; while this page shows it, put it back.
      const kept = event.query.state.data as RowsResult | undefined;
      if (event.type === "removed" && kept !== undefined) queueMicrotask(() => client.setQueryData(hostRowsKey(host), kept));
    });
    return () => {
      unsubscribe();
      running?.abort();
    };
  }, [cache, client, host, hash]);

  return state?.data !== undefined && state.dataUpdatedAt >= renderedAt ? state.data : initial;
}
