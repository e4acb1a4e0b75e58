"use client";

import { useState } from "react";
import { planDnsSettings, planNetworkRestart } from "@/app/hosts/[host]/networks/[name]/dns/actions";
import type { Plan } from "@/lib/domain/plan";
import type { Layer3Network } from "@/lib/domain/network";
import { ErrorBox, secondaryButton, TextArea, TextField } from "@/components/ui";
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
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void request(() => planDnsSettings({ host, uuid, ...values }));
  };
  return (
    <form aria-label="Domain and forwarders" onSubmit={submit} className="space-y-2">
      <TextField mono label="Domain" value={values.domain} disabled={!canChange} onChange={(e) => setValues((v) => ({ ...v, domain: e.target.value }))} error={fieldErrors.domain} />
      <TextArea mono label="Forwarders (one per line: ADDRESS, or DOMAIN ADDRESS)" rows={3} value={values.forwarders} disabled={!canChange}
        onChange={(e) => setValues((v) => ({ ...v, forwarders: e.target.value }))} error={fieldErrors.forwarders} />
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
