import type { DomainState, HostLink } from "../host/snapshot";
import type { NodeState } from "./graph";

// How raw link and guest states read in the graph, kept in one place so the
// legend, the side panel and the edge labels never disagree. Mode labels come
// from the mode table (lib/domain/network/modes.ts).

/** Taps and bridges without carrier report operstate UNKNOWN; the UP flag is what the admin set. */
export function linkState(link: HostLink | undefined): NodeState {
  if (!link) return "unknown";
  const op = link.operstate?.toUpperCase();
  if (op === "UP") return "up";
  if (op === "DOWN" || op === "LOWERLAYERDOWN" || op === "NOTPRESENT") return "down";
  return link.up ? "up" : "down";
}

/** How a guest's state reads: virsh's own words ("shut off"), not the snapshot's key. */
export function domainStateText(state: DomainState): string {
  return state === "shutoff" ? "shut off" : state;
}

export function domainState(state: string): NodeState {
  const s = state.toLowerCase();
  if (s === "running") return "running";
  if (s === "paused" || s === "pmsuspended") return "paused";
  return "stopped";
}
