"use client";

import type { LiveView } from "./use-live-events";

type Summary = { state: "live" | "connecting" | "down"; label: string; detail?: string };

// One word for the operator; the detail (why a host is down) goes in the tooltip.
function summarise(view: LiveView): Summary {
  if (view.connection === "closed") return { state: "down", label: "Not live", detail: "Live updates stopped; reload the page." };
  const hosts = Object.values(view.hosts);
  if (view.connection === "connecting" || hosts.length === 0) return { state: "connecting", label: "Connecting…" };
  const down = hosts.filter((h) => h.state === "down");
  if (down.length > 0) {
    const detail = down.map((h) => `${h.hostName}: ${h.message ?? "reconnecting"}`).join("\n");
    return { state: "down", label: hosts.length === 1 ? "Reconnecting…" : `${hosts.length - down.length}/${hosts.length} live`, detail };
  }
  if (hosts.some((h) => h.state === "connecting")) return { state: "connecting", label: "Connecting…" };
  return { state: "live", label: "Live" };
}

const dot: Record<Summary["state"], string> = {
  live: "bg-emerald-500",
  connecting: "bg-amber-400",
  down: "bg-red-500",
};

/** A small "Live" indicator; `data-live-state` lets tests wait for the subscription. */
export function LiveBadge({ view }: { view: LiveView }) {
  const summary = summarise(view);
  return (
    <span
      className="inline-flex items-center gap-1.5 rounded-full border border-zinc-300 px-2 py-0.5 text-xs text-zinc-600 dark:border-zinc-700 dark:text-zinc-300"
      data-live-state={summary.state}
      title={summary.detail ?? "Updates appear as libvirt reports them"}
    >
      <span aria-hidden className={`h-2 w-2 rounded-full ${dot[summary.state]}`} />
      {summary.label}
    </span>
  );
}
