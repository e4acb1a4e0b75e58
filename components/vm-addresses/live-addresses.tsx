"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/actions/result";
import type { HostSnapshot, HostView } from "@/lib/domain/host/snapshot";
import { refreshSnapshot } from "@/lib/domain/host/snapshot-addresses";
import { hostViewKey } from "@/components/networks/queries";
import { useAddressRefresh } from "./use-address-refresh";

/** Renders nothing: while mounted, keeps the host view's leases and VM addresses fresh in the page's query cache. */
export function LiveAddresses({ host, snapshot }: { host: string; snapshot: HostSnapshot }) {
  const queryClient = useQueryClient();
  const networks = snapshot.networks.filter((n) => n.active).map((n) => n.uuid).sort();
  const domains = snapshot.domains.filter((d) => d.state === "running" || d.state === "paused").map((d) => d.uuid).sort();
  useAddressRefresh(host, { networks, domains }, (refresh) => {
    queryClient.setQueryData<ActionResult<HostView>>(hostViewKey(host), (old) =>
      old?.ok ? { ...old, data: { ...old.data, snapshot: refreshSnapshot(old.data.snapshot, refresh) } } : old,
    );
  });
  return null;
}
