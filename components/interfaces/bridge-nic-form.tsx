"use client";

import { useId, useState } from "react";
import { planBridgeNic } from "@/app/hosts/[host]/interfaces/bridge-nic-actions";
import { button, input } from "./styles";
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
    return <button type="button" className={button} disabled={flow.busy} aria-label={`Bridge ${nic}`} onClick={() => setOpen(true)}>Bridge this NIC</button>;
  }
  const errors = mine ? flow.fieldErrors : {};
  return (
    <form aria-label={`Bridge ${nic}`} className="inline-flex flex-wrap items-end gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        setMine(true);
        if (await flow.ask(() => planBridgeNic({ host, nic, bridge, seconds: Number(seconds) }))) setOpen(false);
      }}>
      <div className="space-y-1">
        <label htmlFor={`${id}-bridge`} className="block text-xs font-medium">New bridge</label>
        <input id={`${id}-bridge`} value={bridge} onChange={(e) => setBridge(e.target.value)} maxLength={40} spellCheck={false} autoComplete="off"
          aria-invalid={errors.bridge ? true : undefined} className={`${input} w-32`} />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-seconds`} className="block text-xs font-medium">Dead-man switch (s)</label>
        <input id={`${id}-seconds`} type="number" value={seconds} onChange={(e) => setSeconds(e.target.value)}
          aria-invalid={errors.seconds ? true : undefined} className={`${input} w-20`} />
      </div>
      <button type="submit" className={button} disabled={flow.busy || bridge === ""}>Show the plan</button>
      <button type="button" className={button} onClick={() => setOpen(false)}>Cancel</button>
      {errors.bridge || errors.seconds ? <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400">{errors.bridge ?? errors.seconds}</p> : null}
    </form>
  );
}
