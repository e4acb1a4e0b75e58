export { LiveHost, LiveFleet } from "./live-host";
export { LiveBadge } from "./live-badge";
export { useLiveHost, useLiveFleet } from "./use-live-host";
export { useLiveEvents, type LiveView, type LiveConnection } from "./use-live-events";
export { invalidateHost, isHostDataKey } from "./query-keys";
