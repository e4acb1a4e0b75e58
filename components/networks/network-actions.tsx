"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { planNetworkChange } from "@/app/hosts/[host]/networks/actions";
import type { Plan } from "@/lib/changes/plan-types";
import type { SnapshotNetwork } from "@/lib/domain/host/snapshot";
import { PlanDialog } from "@/components/changes/plan-dialog";
import { hostViewKey } from "./queries";
import { ExportLinks } from "./export-links";

type Change = "start" | "stop" | "autostart-on" | "autostart-off" | "delete";
const button = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Lifecycle buttons: each asks the server for a plan and opens the shared change flow. */
export function NetworkActions({ host, network, canChange }: { host: string; network: SnapshotNetwork; canChange: boolean }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [plan, setPlan] = useState<Plan | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const ask = async (change: Change) => {
    setBusy(true);
    setError(null);
    const result = await planNetworkChange({ host, uuid: network.uuid, change });
    setBusy(false);
    if (result.ok) setPlan(result.data);
    else setError(result.message);
  };
  const finished = async (nextHref?: string) => {
    setPlan(null);
    if (nextHref) router.push(nextHref);
    await queryClient.invalidateQueries({ queryKey: hostViewKey(host) });
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {canChange ? (
          <>
            {network.active ? (
              <button type="button" className={button} disabled={busy || !!plan} onClick={() => ask("stop")}>Stop</button>
            ) : (
              <button type="button" className={button} disabled={busy || !!plan} onClick={() => ask("start")}>Start</button>
            )}
            {network.persistent ? (
              <label className="inline-flex items-center gap-2 px-2 text-sm">
                <input type="checkbox" checked={network.autostart} disabled={busy || !!plan} onChange={() => ask(network.autostart ? "autostart-off" : "autostart-on")} />
                Autostart at boot
              </label>
            ) : null}
            <button type="button" className={`${button} text-red-700 dark:text-red-400`} disabled={busy || !!plan} onClick={() => ask("delete")}>Delete</button>
          </>
        ) : null}
        <ExportLinks host={host} network={network} />
      </div>
      {error ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{error}</p> : null}
      {plan ? <PlanDialog key={plan.id} plan={plan} onClose={() => setPlan(null)} onFinished={finished} /> : null}
    </div>
  );
}
