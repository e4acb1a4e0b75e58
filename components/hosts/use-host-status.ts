"use client";

import { useQuery } from "@tanstack/react-query";
import type { HostStatus } from "@/lib/domain/host/status";
import { hostStatusHref } from "@/lib/routes";

export const hostStatusKey = (hostId: string) => ["host-status", hostId] as const;

async function fetchStatus(hostId: string, signal: AbortSignal): Promise<HostStatus> {
  const response = await fetch(hostStatusHref(hostId), { signal, cache: "no-store" });
  const body = (await response.json().catch(() => null)) as { ok: boolean; data?: HostStatus; message?: string } | null;
  if (!body?.ok || !body.data) throw new Error(body?.message ?? `The server answered ${response.status}.`);
  return body.data;
}

/** One query per host, so every row loads (and fails) on its own. */
export function useHostStatus(hostId: string) {
  return useQuery({ queryKey: hostStatusKey(hostId), queryFn: ({ signal }) => fetchStatus(hostId, signal) });
}
