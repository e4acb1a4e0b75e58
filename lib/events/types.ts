// Plain shapes shared by the server side (hub, route) and the browser (hook).
// No imports: components/live reads these types too.

/**
 * Why a host should be refetched. Event lines name networks and domains, and a
 * name is not an identity, so every reason means the same thing to a client:
 * "read this host again". The reason is for logs and tests.
 */
export type ChangeReason = "network" | "domain" | "resync";

export interface HostChange {
  hostId: string;
  reason: ChangeReason;
}

/**
 * The state of one host's subscription:
 * - connecting: opening (or re-opening) the event stream on the host;
 * - live: both virsh event loops are registered, events will arrive;
 * - down: the last attempt failed; the next one is scheduled (message says why).
 */
export type LiveState = "connecting" | "live" | "down";

export interface HostLiveStatus {
  hostId: string;
  state: LiveState;
  message?: string;
}

/**
 * What /api/events sends. Each message names the host by id and by name, so a
 * client can invalidate queries keyed either way.
 * - "change": refetch this host (a LiveChange);
 * - "status": the host's subscription state changed (a LiveStatus);
 * - "end": the stream is over for good (the session ended); do not reconnect.
 */
export const SSE_EVENTS = { change: "change", status: "status", end: "end" } as const;

export type LiveChange = HostChange & { hostName: string };
export type LiveStatus = HostLiveStatus & { hostName: string };
export type LiveEnd = { reason: "signed-out" };
