"use client";

import { useId, useState } from "react";
import { planBridgeNic } from "@/app/hosts/[host]/interfaces/bridge-nic-actions";
import { ErrorBox, secondaryButton, TextField } from "@/components/ui";
import type { PlanFlow } from "./use-plan-flow";

const DEFAULT_SECONDS = 30;

/** A bridge name the kernel takes (15 characters at most) derived from the NIC's. */
const suggestedName = (nic: string) => `br-${nic}`.slice(0, 15);

/**
 * "Bridge this NIC": a new bridge takes the NIC's addresses and routes and the
 * NIC becomes its port, under a dead-man switch on the host. The server builds
 * and shows the plan; nothing runs before Apply.
 */
export function BridgeNicForm({ host, nic, flow }: { host: string; nic: string; flow: PlanFlow }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [bridge, setBridge] = useState(suggestedName(nic));
  const [seconds, setSeconds] = useState(String(DEFAULT_SECONDS));
  const [mine, setMine] = useState(false);
  if (!open) {
    return <button type="button" className={secondaryButton} disabled={flow.busy} aria-label={`Bridge ${nic}`} onClick={() => setOpen(true)}>Bridge this NIC</button>;
  }
  const errors = mine ? flow.fieldErrors : {};
  return (
    <form aria-label={`Bridge ${nic}`} className="inline-flex flex-wrap items-end gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        setMine(true);
        if (await flow.ask(() => planBridgeNic({ host, nic, bridge, seconds: Number(seconds) }))) setOpen(false);
      }}>
      {/* One alert for the form (tests and screen readers read it); each field still says it is the invalid one. */}
      <TextField id={`${id}-bridge`} label="New bridge" className="w-32" mono value={bridge} onChange={(e) => setBridge(e.target.value)} maxLength={40}
        aria-invalid={errors.bridge ? true : undefined} />
      <TextField id={`${id}-seconds`} label="Dead-man switch (s)" className="w-40" type="number" value={seconds} onChange={(e) => setSeconds(e.target.value)}
        aria-invalid={errors.seconds ? true : undefined} />
      <button type="submit" className={secondaryButton} disabled={flow.busy || bridge === ""}>Show the plan</button>
      <button type="button" className={secondaryButton} onClick={() => setOpen(false)}>Cancel</button>
      {errors.bridge || errors.seconds ? <div className="w-full"><ErrorBox message={errors.bridge ?? errors.seconds} /></div> : null}
    </form>
  );
}
