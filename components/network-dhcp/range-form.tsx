"use client";

import { useState } from "react";
import { planDhcpRange } from "@/app/hosts/[host]/networks/[name]/dhcp/actions";
import type { Plan } from "@/lib/domain/plan";
import type { DhcpRange } from "@/lib/domain/network";
import { ErrorBox, TextField, secondaryButton } from "@/components/ui";
import { usePlanRequest } from "./use-plan-request";

/** The IPv4 DHCP range, editable only while the network is stopped (a redefinition dnsmasq reads at start). */
export function RangeForm({ host, uuid, range, active, canChange, onPlan }: { host: string; uuid: string; range?: DhcpRange; active: boolean; canChange: boolean; onPlan: (plan: Plan) => void }) {
  const [values, setValues] = useState({ start: range?.start ?? "", end: range?.end ?? "" });
  const { busy, error, fieldErrors, request } = usePlanRequest(onPlan);
  const locked = active || !canChange;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void request(() => planDhcpRange({ host, uuid, ...values }));
  };
  return (
    <form aria-label="DHCP range" onSubmit={submit} className="space-y-2">
      <div className="grid grid-cols-2 gap-3">
        <TextField mono label="Range start" value={values.start} disabled={locked} onChange={(e) => setValues((v) => ({ ...v, start: e.target.value }))} error={fieldErrors.start} />
        <TextField mono label="Range end" value={values.end} disabled={locked} onChange={(e) => setValues((v) => ({ ...v, end: e.target.value }))} error={fieldErrors.end} />
      </div>
      {active ? <p className="text-sm text-zinc-600 dark:text-zinc-400">Stop the network to change its DHCP range.</p> : null}
      <ErrorBox message={Object.keys(fieldErrors).length ? null : error} />
      {canChange ? <button type="submit" className={secondaryButton} disabled={busy || locked}>Change range</button> : null}
    </form>
  );
}
