"use client";

import { useId, useState } from "react";
import { planPortForwardAdd } from "@/app/hosts/[host]/networks/[name]/forwards/actions";
import type { Plan } from "@/lib/domain/plan";
import { ErrorBox, secondaryButton, Select, TextField } from "@/components/ui";
import { usePlanRequest } from "@/components/network-dhcp/use-plan-request";

const EMPTY = { protocol: "tcp", hostAddress: "", hostPort: "", guestAddress: "", guestPort: "", comment: "" };

/** One new forward; the server checks it against the host before any plan exists, and errors land on their fields. */
export function AddForwardForm({ host, uuid, hostAddresses, guests, onPlan }: {
  host: string;
  uuid: string;
  hostAddresses: string[];
  /** Reservations and current leases, offered for the guest address (any address in the subnet may be typed). */
  guests: { ip: string; label: string }[];
  onPlan: (plan: Plan) => void;
}) {
  const id = useId();
  const [values, setValues] = useState(EMPTY);
  const { busy, error, fieldErrors, request } = usePlanRequest(onPlan);
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValues((v) => ({ ...v, [key]: e.target.value }));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await request(() => planPortForwardAdd({ host, uuid, ...values }))) setValues(EMPTY);
  };
  return (
    <form aria-label="Add a port forward" onSubmit={submit} className="space-y-2">
      <div className="grid grid-cols-3 gap-3">
        <Select id={`${id}-protocol`} label="Protocol" value={values.protocol} onChange={set("protocol")} error={fieldErrors.protocol}>
          <option value="tcp">TCP</option>
          <option value="udp">UDP</option>
        </Select>
        <Select id={`${id}-hostAddress`} label="Host address" value={values.hostAddress} onChange={set("hostAddress")} error={fieldErrors.hostAddress}>
          <option value="">Any address of the host</option>
          {hostAddresses.map((a) => <option key={a} value={a}>{a}</option>)}
        </Select>
        <TextField mono label="Host port or range" value={values.hostPort} onChange={set("hostPort")} placeholder="8080 or 8080-8090" error={fieldErrors.hostPort} />
        <TextField mono label="Guest address" value={values.guestAddress} onChange={set("guestAddress")} list={`${id}-guests`} placeholder="a reservation, a lease or any address" error={fieldErrors.guestAddress} />
        <datalist id={`${id}-guests`}>{guests.map((g) => <option key={`${g.ip}-${g.label}`} value={g.ip}>{g.label}</option>)}</datalist>
        <TextField mono label="Guest port or range" value={values.guestPort} onChange={set("guestPort")} placeholder="80" error={fieldErrors.guestPort} />
        <TextField mono label="Comment (optional)" value={values.comment} onChange={set("comment")} error={fieldErrors.comment} />
      </div>
      <ErrorBox message={Object.keys(fieldErrors).length ? null : error} />
      <button type="submit" className={secondaryButton} disabled={busy}>{busy ? "Checking…" : "Add forward"}</button>
    </form>
  );
}
