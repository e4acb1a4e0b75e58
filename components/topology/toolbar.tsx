"use client";

import { useId } from "react";
import type { ImageFormat } from "./export-image";

type Props = {
  query: string;
  onQuery: (q: string) => void;
  matches: number;
  networks: string[];
  network: string | null;
  onNetwork: (n: string | null) => void;
  onExport: (format: ImageFormat) => void;
  onRefresh?: () => void;
  busy: boolean;
  /** Whether VM interfaces (taps) are drawn, and the operator's toggle. */
  tapsShown: boolean;
  onTapsShown: (shown: boolean) => void;
};

/** Search, network filter, VM interfaces on or off, refresh and export, above the graph. */
export function Toolbar(p: Props) {
  // Labels by id, not by wrapping: a wrapped <select> would add its chosen option to its own name.
  const searchId = useId();
  const networkId = useId();
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <span className="flex items-center gap-2">
        <label htmlFor={searchId}>Search</label>
        <input
          id={searchId}
          type="search"
          value={p.query}
          onChange={(e) => p.onQuery(e.target.value)}
          placeholder="name, MAC, address…"
          className="w-56 rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
        />
      </span>
      {p.query.trim() && <span className="text-zinc-500" aria-live="polite">{p.matches} match{p.matches === 1 ? "" : "es"}</span>}
      <span className="flex items-center gap-2">
        <label htmlFor={networkId}>Network</label>
        <select
          id={networkId}
          value={p.network ?? ""}
          onChange={(e) => p.onNetwork(e.target.value || null)}
          className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
        >
          <option value="">All networks</option>
          {p.networks.map((n) => (
            <option key={n} value={n}>{n}</option>
          ))}
        </select>
      </span>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={p.tapsShown} onChange={(e) => p.onTapsShown(e.target.checked)} />
        Show VM interfaces
      </label>
      <div className="ml-auto flex items-center gap-2">
        {p.busy && <span className="text-zinc-500" role="status">Updating…</span>}
        {p.onRefresh && (
          <button type="button" onClick={p.onRefresh} className="rounded border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
            Refresh
          </button>
        )}
        <button type="button" onClick={() => p.onExport("png")} className="rounded border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          Export PNG
        </button>
        <button type="button" onClick={() => p.onExport("svg")} className="rounded border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          Export SVG
        </button>
      </div>
    </div>
  );
}
