"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { readAddresses } from "@/app/hosts/[host]/vms/address-actions";
import type { AddressRefresh } from "@/lib/domain/host/snapshot-addresses";

/** How often leases and addresses are read while a page that shows them is visible. */
export const ADDRESS_REFRESH_MS = 3000;

/**
 * Polls the host's leases and addresses (one small exec) while the page is
 * visible: TanStack Query does not run an interval while the document is
 * hidden, and stops it when the component unmounts (another tab chosen).
 */
export function useAddressRefresh(host: string, ids: { networks: string[]; domains: string[] }, onData: (refresh: AddressRefresh) => void) {
  const latest = useRef(onData);
  useEffect(() => {
    latest.current = onData;
  });
  const query = useQuery({
    queryKey: ["address-refresh", host, ids.networks, ids.domains],
    queryFn: () => readAddresses({ host, ...ids }),
    refetchInterval: ADDRESS_REFRESH_MS,
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
  useEffect(() => {
    if (query.data?.ok) latest.current(query.data.data);
  }, [query.data]);
}
