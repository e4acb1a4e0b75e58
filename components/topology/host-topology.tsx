"use client";

import { useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/actions/result";
import type { HostView } from "@/lib/domain/host/snapshot";
import { buildHostGraph, tapsShownOptions } from "@/lib/domain/topology";
import { fetchHostView, hostViewKey } from "@/components/networks/queries";
import { HostError } from "@/components/networks/host-error";
import { TopologyView } from "./topology-view";
import { useLastGood } from "./use-last-good";

/**
 * One host's topology. It reads the same cached host view as the networks
 * pages (one exec per host), so the live-updates stream, which invalidates
 * that key on every libvirt event, redraws this graph too; the layout worker
 * keeps the nodes that were already there in place.
 */
export function HostTopology({ host, initial }: { host: string; initial: ActionResult<HostView> }) {
  const query = useQuery({ queryKey: hostViewKey(host, "full"), queryFn: ({ signal }) => fetchHostView(host, signal, "full"), initialData: initial });
  const result = query.data;
  // null: folded only when the host is large; the toolbar's checkbox decides otherwise.
  const [tapsShown, setTapsShown] = useState<boolean | null>(null);
  const fresh = useMemo(
    () => (result.ok ? buildHostGraph(host, result.data.snapshot, tapsShownOptions(tapsShown)) : undefined),
    [result, host, tapsShown],
  );
  const graph = useLastGood(fresh);
  return (
    <div className="space-y-3">
      {!result.ok && <HostError host={host} failure={result} />}
      {graph && <TopologyView graph={graph} fileName={`${host}-topology`} onRefresh={() => void query.refetch()} fetching={query.isFetching} onTapsShown={setTapsShown} />}
    </div>
  );
}
