"use client";

import { useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/actions/result";
import type { HostView } from "@/lib/domain/host/snapshot";
import { buildHostGraph, tapsShownOptions } from "@/lib/domain/topology";
import { withSegmentPeers, type CrossHostSegment } from "@/lib/domain/cross-host";

/** One empty list for every render, so the graph is not rebuilt for nothing. */
const NO_SEGMENTS: CrossHostSegment[] = [];
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
export function HostTopology({ host, initial, segments = NO_SEGMENTS }: { host: string; initial: ActionResult<HostView>; segments?: CrossHostSegment[] }) {
  const query = useQuery({ queryKey: hostViewKey(host, "full"), queryFn: ({ signal }) => fetchHostView(host, signal, "full"), initialData: initial });
  const result = query.data;
  // null: folded only when the host is large; the toolbar's checkbox decides otherwise.
  const [tapsShown, setTapsShown] = useState<boolean | null>(null);
  const fresh = useMemo(
    () => (result.ok ? withSegmentPeers(buildHostGraph(host, result.data.snapshot, tapsShownOptions(tapsShown)), segments) : undefined),
    [result, host, tapsShown, segments],
  );
  const graph = useLastGood(fresh);
  return (
    <div className="space-y-3">
      {!result.ok && <HostError host={host} failure={result} />}
      {graph && <TopologyView graph={graph} fileName={`${host}-topology`} onRefresh={() => void query.refetch()} fetching={query.isFetching} onTapsShown={setTapsShown} />}
    </div>
  );
}
