"use client";

import Link from "next/link";
import type { TopologyNode } from "@/lib/domain/topology";
import { KIND_NAME, STATE_STYLE } from "./state-style";
import { networkHref } from "@/lib/routes";

/** Details of the clicked node; names are text children, never markup. */
export function SidePanel({ node, onClose }: { node: TopologyNode; onClose: () => void }) {
  const state = STATE_STYLE[node.state];
  // A network links to its own page; anything else to the networks it belongs to.
  const networks = node.networkName ? [node.networkName] : node.networks;
  return (
    <aside aria-label="Node details" className="w-80 shrink-0 space-y-3 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-950">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-xs uppercase tracking-wide text-zinc-500">{KIND_NAME[node.kind]} on {node.host}</p>
          <h2 className="break-all text-base font-semibold" data-testid="side-panel-title">
            {node.label}
          </h2>
        </div>
        <button type="button" onClick={onClose} className="rounded px-2 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800" aria-label="Close details">
          ×
        </button>
      </div>
      <p className="flex items-center gap-2">
        <span className={`h-2.5 w-2.5 rounded-full ${state.dot}`} />
        {state.label}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {node.details.map((d, i) => (
          <div key={i} className="contents">
            <dt className="text-zinc-500">{d.label}</dt>
            <dd className="break-all">{d.value}</dd>
          </div>
        ))}
      </dl>
      {networks.length > 0 && (
        <ul className="space-y-1">
          {networks.map((name) => (
            <li key={name}>
              <Link href={networkHref(node.host, name)} className="text-brand-600 hover:underline">
                Open network {name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
