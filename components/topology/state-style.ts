import type { NodeState, TopologyNodeKind } from "@/lib/domain/topology";

// Colour says state; the badge says kind. Classes are written out whole so
// Tailwind finds them in the source.

export const STATE_STYLE: Record<NodeState, { dot: string; border: string; label: string }> = {
  up: { dot: "bg-emerald-500", border: "border-emerald-500", label: "Up" },
  running: { dot: "bg-emerald-500", border: "border-emerald-500", label: "Running" },
  active: { dot: "bg-sky-500", border: "border-sky-500", label: "Active network" },
  paused: { dot: "bg-amber-500", border: "border-amber-500", label: "Paused" },
  down: { dot: "bg-rose-500", border: "border-rose-500", label: "Down" },
  stopped: { dot: "bg-zinc-400", border: "border-zinc-400", label: "Shut off" },
  inactive: { dot: "bg-zinc-400", border: "border-zinc-400 border-dashed", label: "Inactive network" },
  unknown: { dot: "bg-violet-400", border: "border-violet-400 border-dashed", label: "Unknown" },
};

export const KIND_BADGE: Record<TopologyNodeKind, { text: string; className: string }> = {
  vm: { text: "VM", className: "bg-indigo-100 text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100" },
  tap: { text: "TAP", className: "bg-teal-100 text-teal-800 dark:bg-teal-900 dark:text-teal-100" },
  network: { text: "NET", className: "bg-sky-100 text-sky-800 dark:bg-sky-900 dark:text-sky-100" },
  bridge: { text: "BR", className: "bg-orange-100 text-orange-800 dark:bg-orange-900 dark:text-orange-100" },
  nic: { text: "NIC", className: "bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100" },
  lan: { text: "LAN", className: "bg-lime-100 text-lime-800 dark:bg-lime-900 dark:text-lime-100" },
};

export const KIND_NAME: Record<TopologyNodeKind, string> = {
  vm: "VM",
  tap: "VM interface",
  network: "Network",
  bridge: "Bridge",
  nic: "NIC",
  lan: "LAN",
};

/** States in the order the legend lists them (running/up share a colour, so one entry). */
export const LEGEND_STATES: NodeState[] = ["running", "active", "paused", "down", "stopped", "unknown"];
