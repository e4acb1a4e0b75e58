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

/** Server-sent event names on /api/events. */
export const SSE_CHANGE = "change";
export const SSE_STATUS = "status";
