"use client";

import { useState } from "react";
import { planDhcpHostAdd } from "@/app/hosts/[host]/networks/[name]/dhcp/actions";
import type { Plan } from "@/lib/domain/plan";
import { ErrorBox, TextField, secondaryButton } from "@/components/ui";
import { usePlanRequest } from "./use-plan-request";

/** Add a static host; the server checks it with the model's rules before any plan exists. */
export function AddHostForm({ host, uuid, onPlan }: { host: string; uuid: string; onPlan: (plan: Plan) => void }) {
  const [values, setValues] = useState({ mac: "", ip: "", name: "" });
  const { busy, error, fieldErrors, request } = usePlanRequest(onPlan);
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [key]: e.target.value }));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await request(() => planDhcpHostAdd({ host, uuid, ...values }))) setValues({ mac: "", ip: "", name: "" });
  };
  return (
    <form aria-label="Add a static host" onSubmit={submit} className="space-y-2">
      <div className="grid grid-cols-3 gap-3">
        <TextField mono label="MAC address" value={values.mac} onChange={set("mac")} placeholder="52:54:00:12:34:56" error={fieldErrors.mac} />
        <TextField mono label="IP address" value={values.ip} onChange={set("ip")} error={fieldErrors.ip} />
        <TextField mono label="Host name (optional)" value={values.name} onChange={set("name")} error={fieldErrors.name} />
      </div>
      <ErrorBox message={Object.keys(fieldErrors).length ? null : error} />
      <button type="submit" className={secondaryButton} disabled={busy}>{busy ? "Checking…" : "Add static host"}</button>
    </form>
  );
}
