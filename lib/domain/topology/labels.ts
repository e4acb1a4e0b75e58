import type { ForwardMode, IpLinkEntry } from "./facts";
import type { NodeState } from "./graph";

// How raw states and modes read in the graph. Kept in one place so the
// legend, the side panel and the edge labels never disagree.

const FORWARD_LABELS: Record<ForwardMode, string> = {
  isolated: "Isolated",
  nat: "NAT",
  route: "Route",
  open: "Open",
  bridge: "Bridge",
  private: "Private",
  vepa: "VEPA",
  passthrough: "Passthrough",
  hostdev: "Hostdev",
};

export function forwardLabel(mode: ForwardMode): string {
  return FORWARD_LABELS[mode] ?? mode;
}

/** Taps and bridges without carrier report operstate UNKNOWN; the UP flag is what the admin set. */
export function linkState(link: IpLinkEntry | undefined): NodeState {
  if (!link) return "unknown";
  const op = link.operstate?.toUpperCase();
  if (op === "UP") return "up";
  if (op === "DOWN" || op === "LOWERLAYERDOWN" || op === "NOTPRESENT") return "down";
  if (link.flags?.includes("UP")) return "up";
  return link.flags ? "down" : "unknown";
}

export function domainState(state: string): NodeState {
  const s = state.toLowerCase();
  if (s === "running") return "running";
  if (s === "paused" || s === "pmsuspended") return "paused";
  return "stopped";
}
