"use client";

import { Checkbox, secondaryButton, Select, TextField } from "@/components/ui";
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
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <TextField
        label="Search"
        className="flex w-72 items-center gap-2"
        type="search"
        value={p.query}
        onChange={(e) => p.onQuery(e.target.value)}
        placeholder="name, MAC, address…"
      />
      {p.query.trim() && <span className="text-zinc-500" aria-live="polite">{p.matches} match{p.matches === 1 ? "" : "es"}</span>}
      {/* Select labels by id, not by wrapping: a wrapped <select> would add its chosen option to its own name. */}
      <Select label="Network" className="flex items-center gap-2" value={p.network ?? ""} onChange={(e) => p.onNetwork(e.target.value || null)}>
        <option value="">All networks</option>
        {p.networks.map((n) => (
          <option key={n} value={n}>{n}</option>
        ))}
      </Select>
      <Checkbox label="Show VM interfaces" checked={p.tapsShown} onChange={(e) => p.onTapsShown(e.target.checked)} />
      <div className="ml-auto flex items-center gap-2">
        {p.busy && <span className="text-zinc-500" role="status">Updating…</span>}
        {p.onRefresh && (
          <button type="button" onClick={p.onRefresh} className={secondaryButton}>
            Refresh
          </button>
        )}
        <button type="button" onClick={() => p.onExport("png")} className={secondaryButton}>
          Export PNG
        </button>
        <button type="button" onClick={() => p.onExport("svg")} className={secondaryButton}>
          Export SVG
        </button>
      </div>
    </div>
  );
}
