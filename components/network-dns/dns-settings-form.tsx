"use client";

import { useId, useState } from "react";
import { planDnsSettings, planNetworkRestart } from "@/app/hosts/[host]/networks/[name]/dns/actions";
import type { Plan } from "@/lib/domain/plan";
import type { Layer3Network } from "@/lib/domain/network";
import { ErrorBox, TextField, secondaryButton } from "@/components/ui";
import { usePlanRequest } from "@/components/network-dhcp/use-plan-request";

const forwardersText = (spec: Layer3Network) => (spec.dns?.forwarders ?? []).map((f) => [f.domain, f.addr].filter(Boolean).join(" ")).join("\n");

/**
 * Domain and forwarders: net-update cannot change them, so saving redefines
 * the network, and a running one needs a restart, which is offered here.
 */
export function DnsSettingsForm({ host, uuid, spec, active, canChange, onPlan }: { host: string; uuid: string; spec: Layer3Network; active: boolean; canChange: boolean; onPlan: (plan: Plan) => void }) {
  const [values, setValues] = useState({ domain: spec.domain?.name ?? "", forwarders: forwardersText(spec) });
  const { busy, error, fieldErrors, request } = usePlanRequest(onPlan);
  const restart = usePlanRequest(onPlan);
  const forwardersId = useId();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void request(() => planDnsSettings({ host, uuid, ...values }));
  };
  return (
    <form aria-label="Domain and forwarders" onSubmit={submit} className="space-y-2">
      <TextField mono label="Domain" value={values.domain} disabled={!canChange} onChange={(e) => setValues((v) => ({ ...v, domain: e.target.value }))} error={fieldErrors.domain} />
      <div className="space-y-1 text-sm">
        <label htmlFor={forwardersId} className="block font-medium">Forwarders (one per line: ADDRESS, or DOMAIN ADDRESS)</label>
        <textarea id={forwardersId} rows={3} value={values.forwarders} disabled={!canChange} aria-invalid={fieldErrors.forwarders ? true : undefined}
          onChange={(e) => setValues((v) => ({ ...v, forwarders: e.target.value }))}
          className="w-full rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono dark:border-zinc-700 dark:bg-zinc-900" />
        {fieldErrors.forwarders ? <p data-field-error className="text-xs text-red-700 dark:text-red-400">{fieldErrors.forwarders}</p> : null}
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        The domain and the forwarders take effect after a restart of the network: libvirt cannot change them on a running network.
      </p>
      <ErrorBox message={Object.keys(fieldErrors).length ? null : error} />
      {canChange ? (
        <div className="flex gap-2">
          <button type="submit" className={secondaryButton} disabled={busy}>Save domain and forwarders</button>
          {active ? <button type="button" className={secondaryButton} disabled={restart.busy} onClick={() => restart.request(() => planNetworkRestart({ host, uuid }))}>Restart network</button> : null}
        </div>
      ) : null}
      <ErrorBox message={restart.error} />
    </form>
  );
}
