"use client";

import { useState } from "react";
import { planNetworkChange } from "@/app/hosts/[host]/networks/actions";
import type { Plan } from "@/lib/domain/plan";
import type { SnapshotNetwork } from "@/lib/domain/host/snapshot";
import { ExportLinks } from "./export-links";

type Change = "start" | "stop" | "autostart-on" | "autostart-off" | "delete";
const button = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800";

/**
 * Lifecycle buttons: each asks the server for a plan and hands it to `onPlan`,
 * which opens the shared change flow (held by the page, so it outlives the
 * network it deletes). Disabled while a plan is open.
 */
export function NetworkActions({ host, network, canChange, planOpen, onPlan }: { host: string; network: SnapshotNetwork; canChange: boolean; planOpen: boolean; onPlan: (plan: Plan) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const ask = async (change: Change) => {
    setBusy(true);
    setError(null);
    const result = await planNetworkChange({ host, uuid: network.uuid, change });
    setBusy(false);
    if (result.ok) onPlan(result.data);
    else setError(result.message);
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {canChange ? (
          <>
            {network.active ? (
              <button type="button" className={button} disabled={busy || planOpen} onClick={() => ask("stop")}>Stop</button>
            ) : (
              <button type="button" className={button} disabled={busy || planOpen} onClick={() => ask("start")}>Start</button>
            )}
            {network.persistent ? (
              <label className="inline-flex items-center gap-2 px-2 text-sm">
                <input type="checkbox" checked={network.autostart} disabled={busy || planOpen} onChange={() => ask(network.autostart ? "autostart-off" : "autostart-on")} />
                Autostart at boot
              </label>
            ) : null}
            <button type="button" className={`${button} text-red-700 dark:text-red-400`} disabled={busy || planOpen} onClick={() => ask("delete")}>Delete</button>
          </>
        ) : null}
        <ExportLinks host={host} network={network} />
      </div>
      {error ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{error}</p> : null}
    </div>
  );
}
