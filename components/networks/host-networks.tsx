"use client";

import { useQuery } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/actions/result";
import type { HostView } from "@/lib/domain/host/snapshot";
import { networkRows } from "@/lib/domain/host/snapshot-rows";
import { HostError } from "./host-error";
import { NetworkTable } from "./network-table";
import { fetchHostView, hostViewKey } from "./queries";

/**
 * One host's networks. The server rendered the page from one read; that read
 * seeds the query, so loading the page costs exactly one exec on the host.
 */
export function HostNetworks({ host, initial }: { host: string; initial: ActionResult<HostView> }) {
  const query = useQuery({ queryKey: hostViewKey(host), queryFn: ({ signal }) => fetchHostView(host, signal), initialData: initial });
  const result = query.data;
  if (!result.ok) return <HostError host={host} failure={result} />;
  const rows = networkRows(result.data.snapshot).map((r) => ({ ...r, host }));
  if (rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No virtual networks are defined on {host}.</p>;
  return <NetworkTable rows={rows} />;
}
