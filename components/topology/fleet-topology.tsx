"use client";

import { useMemo, useState } from "react";
import { useQueries } from "@tanstack/react-query";
import { buildFleetGraph, tapsShownOptions, type FleetHost } from "@/lib/domain/topology";
import { withSegmentSpans, type CrossHostSegment } from "@/lib/domain/cross-host";

/** One empty list for every render, so the graph is not rebuilt for nothing. */
const NO_SEGMENTS: CrossHostSegment[] = [];
import { fetchHostView, hostViewKey } from "@/components/networks/queries";
import { TopologyView } from "./topology-view";

/**
 * Every host in one graph, a group per host. Each host is its own query (the
 * same key as its own pages), so a slow or dead host only leaves its group
 * empty with the reason, and an event on one host refetches only that host.
 */
export function FleetTopology({ hosts, segments = NO_SEGMENTS }: { hosts: string[]; segments?: CrossHostSegment[] }) {
  const queries = useQueries({
    queries: hosts.map((host) => ({ queryKey: hostViewKey(host, "full"), queryFn: ({ signal }: { signal: AbortSignal }) => fetchHostView(host, signal, "full") })),
  });
  const snapshots = queries.map((q) => q.data);
  const [tapsShown, setTapsShown] = useState<boolean | null>(null);
  const key = snapshots.map((d) => (d ? (d.ok ? d.data.snapshot.takenAt : d.code) : "pending")).join("|");
  const graph = useMemo(() => {
    const input: FleetHost[] = hosts.map((host, i) => {
      const data = snapshots[i];
      if (!data) return { host, error: "loading" };
      return data.ok ? { host, facts: data.data.snapshot } : { host, error: data.message };
    });
    return withSegmentSpans(buildFleetGraph(input, tapsShownOptions(tapsShown)), segments);
    // `key` changes exactly when a host's answer does; the query array itself is new every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hosts, key, tapsShown, segments]);
  const fetching = queries.some((q) => q.isFetching);
  return <TopologyView graph={graph} fileName="fleet-topology" onRefresh={() => queries.forEach((q) => void q.refetch())} fetching={fetching} onTapsShown={setTapsShown} />;
}
