"use client";

import { useState } from "react";
import { planHostInterfaceChange } from "@/app/hosts/[host]/interfaces/actions";
import { secondaryButton, TextField } from "@/components/ui";
import type { PlanFlow } from "./use-plan-flow";

const WHAT = {
  "create-bridge": { title: "Create bridge", label: "Bridge name", placeholder: "br1" },
  "create-tap": { title: "Create TAP device", label: "TAP name", placeholder: "tap0" },
} as const;

/** One name, checked by the server (valid, not in use) before any plan is shown. */
export function CreateForm({ host, change, flow }: { host: string; change: keyof typeof WHAT; flow: PlanFlow }) {
  const [name, setName] = useState("");
  const what = WHAT[change];
  const [mine, setMine] = useState(false);
  const problem = mine ? flow.fieldErrors.name : undefined;
  return (
    <form aria-label={what.title} className="flex flex-wrap items-end gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        setMine(true);
        if (await flow.ask(() => planHostInterfaceChange({ host, change, name }))) setName("");
      }}>
      <TextField label={what.label} value={name} onChange={(e) => setName(e.target.value)} placeholder={what.placeholder} maxLength={40} mono error={problem} />
      <button type="submit" className={secondaryButton} disabled={flow.busy || name === ""}>{what.title}</button>
    </form>
  );
}
