"use client";

import { useState } from "react";
import { planDnsHostAdd } from "@/app/hosts/[host]/networks/[name]/dns/actions";
import type { Plan } from "@/lib/domain/plan";
import { ErrorBox, TextField, secondaryButton } from "@/components/ui";
import { usePlanRequest } from "@/components/network-dhcp/use-plan-request";

/** An IP and its host names (comma or space separated), added live with net-update. */
export function AddRecordForm({ host, uuid, onPlan }: { host: string; uuid: string; onPlan: (plan: Plan) => void }) {
  const [values, setValues] = useState({ ip: "", hostnames: "" });
  const { busy, error, fieldErrors, request } = usePlanRequest(onPlan);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await request(() => planDnsHostAdd({ host, uuid, ...values }))) setValues({ ip: "", hostnames: "" });
  };
  return (
    <form aria-label="Add a DNS record" onSubmit={submit} className="space-y-2">
      <div className="grid grid-cols-2 gap-3">
        <TextField mono label="Record IP" value={values.ip} onChange={(e) => setValues((v) => ({ ...v, ip: e.target.value }))} error={fieldErrors.ip} />
        <TextField mono label="Host names" value={values.hostnames} placeholder="web, web.lab.example" onChange={(e) => setValues((v) => ({ ...v, hostnames: e.target.value }))} error={fieldErrors.hostnames} />
      </div>
      <ErrorBox message={Object.keys(fieldErrors).length ? null : error} />
      <button type="submit" className={secondaryButton} disabled={busy}>{busy ? "Checking…" : "Add record"}</button>
    </form>
  );
}
