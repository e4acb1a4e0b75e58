"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { fetchHostRows, hostRowsKey, type RowsResult } from "./queries";

/**
 * An answer served from the live host model says `revalidating` while the
 * server re-reads the host in the background (autostart and leases send no
 * libvirt event). Ask once more with settle: the server answers when that read
 * is done, without another read, and the table takes its rows.
 */
export function useSettledRows(host: string, result: RowsResult | undefined): void {
  const client = useQueryClient();
  const revalidating = !!result?.ok && result.data.revalidating;
  useEffect(() => {
    if (!revalidating) return;
    const controller = new AbortController();
    fetchHostRows(host, controller.signal, true).then(
      (settled) => client.setQueryData(hostRowsKey(host), settled),
      () => {}, // aborted, or the server went away: the event stream reconnects and refetches
    );
    return () => controller.abort();
  }, [client, host, revalidating]);
}
