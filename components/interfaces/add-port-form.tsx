"use client";

import { useState } from "react";
import { planHostInterfaceChange } from "@/app/hosts/[host]/interfaces/actions";
import { secondaryButton, Select } from "@/components/ui";
import type { PlanFlow } from "./use-plan-flow";

/** "Add to bridge": a TAP or NIC, and the bridge it joins (ip link set dev X master Y). */
export function AddPortForm({ host, ports, bridges, flow }: { host: string; ports: string[]; bridges: string[]; flow: PlanFlow }) {
  const [port, setPort] = useState("");
  const [bridge, setBridge] = useState("");
  return (
    <form aria-label="Add to bridge" className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void flow.ask(() => planHostInterfaceChange({ host, change: "add-port", port, bridge }));
      }}>
      <Select label="Interface" value={port} onChange={(e) => setPort(e.target.value)}>
        <option value="">Choose…</option>
        {ports.map((p) => <option key={p} value={p}>{p}</option>)}
      </Select>
      <Select label="Bridge" value={bridge} onChange={(e) => setBridge(e.target.value)}>
        <option value="">Choose…</option>
        {bridges.map((b) => <option key={b} value={b}>{b}</option>)}
      </Select>
      <button type="submit" className={secondaryButton} disabled={flow.busy || !port || !bridge}>Add to bridge</button>
    </form>
  );
}
