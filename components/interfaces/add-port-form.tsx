"use client";

import { useId, useState } from "react";
import { planHostInterfaceChange } from "@/app/hosts/[host]/interfaces/actions";
import { button, input } from "./styles";
import type { PlanFlow } from "./use-plan-flow";

/** "Add to bridge": a TAP or NIC, and the bridge it joins (ip link set dev X master Y). */
export function AddPortForm({ host, ports, bridges, flow }: { host: string; ports: string[]; bridges: string[]; flow: PlanFlow }) {
  const id = useId();
  const [port, setPort] = useState("");
  const [bridge, setBridge] = useState("");
  return (
    <form aria-label="Add to bridge" className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void flow.ask(() => planHostInterfaceChange({ host, change: "add-port", port, bridge }));
      }}>
      <div className="space-y-1">
        <label htmlFor={`${id}-port`} className="block text-sm font-medium">Interface</label>
        <select id={`${id}-port`} value={port} onChange={(e) => setPort(e.target.value)} className={input}>
          <option value="">Choose…</option>
          {ports.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-bridge`} className="block text-sm font-medium">Bridge</label>
        <select id={`${id}-bridge`} value={bridge} onChange={(e) => setBridge(e.target.value)} className={input}>
          <option value="">Choose…</option>
          {bridges.map((b) => <option key={b} value={b}>{b}</option>)}
        </select>
      </div>
      <button type="submit" className={button} disabled={flow.busy || !port || !bridge}>Add to bridge</button>
    </form>
  );
}
