"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { SSE_EVENTS, type LiveChange, type LiveStatus } from "@/lib/events/types";
import { invalidateHost } from "./query-keys";

export type LiveConnection = "connecting" | "open" | "closed";

export interface LiveView {
  /** The browser's connection to /api/events. */
  connection: LiveConnection;
  /** The server's subscription to each host, by host id. */
  hosts: Record<string, LiveStatus>;
}

/**
 * Opens one EventSource on `path` and turns its messages into TanStack Query
 * invalidations. Nothing here runs on a timer: a query refetches only when its
 * host reports a change, or once after the browser reconnects (it may have
 * missed changes while it was away). EventSource reconnects by itself.
 */
export function useLiveEvents(path: string): LiveView {
  const client = useQueryClient();
  const [view, setView] = useState<LiveView>({ connection: "connecting", hosts: {} });

  useEffect(() => {
    const source = new EventSource(path);
    const seen = new Map<string, LiveStatus>();
    let openedBefore = false;
    const publish = (connection: LiveConnection) => setView({ connection, hosts: Object.fromEntries(seen) });

    source.onopen = () => {
      if (openedBefore) for (const host of seen.values()) void invalidateHost(client, host);
      openedBefore = true;
      publish("open");
    };
    source.onerror = () => publish(source.readyState === EventSource.CLOSED ? "closed" : "connecting");
    source.addEventListener(SSE_EVENTS.change, (event) => {
      const change = parse<LiveChange>(event);
      if (change) void invalidateHost(client, change);
    });
    source.addEventListener(SSE_EVENTS.status, (event) => {
      const status = parse<LiveStatus>(event);
      if (!status) return;
      seen.set(status.hostId, status);
      publish("open");
    });
    source.addEventListener(SSE_EVENTS.end, () => {
      source.close();
      publish("closed");
    });
    return () => source.close();
  }, [path, client]);

  return view;
}

function parse<T>(event: Event): T | null {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T;
  } catch {
    return null;
  }
}
