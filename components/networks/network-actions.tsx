"use client";

import { useState } from "react";
import { planNetworkChange } from "@/app/hosts/[host]/networks/actions";
import type { Plan } from "@/lib/domain/plan";
import type { SnapshotNetwork } from "@/lib/domain/host/snapshot";
import { ExportLinks } from "./export-links";
import { Checkbox, ErrorBox, secondaryButton as button } from "@/components/ui";

type Change = "start" | "stop" | "autostart-on" | "autostart-off" | "delete";

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
              <Checkbox label="Autostart at boot" className="inline-flex items-center gap-2 px-2" checked={network.autostart} disabled={busy || planOpen}
                onChange={() => ask(network.autostart ? "autostart-off" : "autostart-on")} />
            ) : null}
            <button type="button" className={`${button} text-red-700 dark:text-red-400`} disabled={busy || planOpen} onClick={() => ask("delete")}>Delete</button>
          </>
        ) : null}
        <ExportLinks host={host} network={network} />
      </div>
      <ErrorBox message={error} />
    </div>
  );
}
