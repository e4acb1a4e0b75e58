"use client";

import { useId, useState } from "react";
import { planHostInterfaceChange } from "@/app/hosts/[host]/interfaces/actions";
import { button, input } from "./styles";
import type { PlanFlow } from "./use-plan-flow";

const WHAT = {
  "create-bridge": { title: "Create bridge", label: "Bridge name", placeholder: "br1" },
  "create-tap": { title: "Create TAP device", label: "TAP name", placeholder: "tap0" },
} as const;

/** One name, checked by the server (valid, not in use) before any plan is shown. */
export function CreateForm({ host, change, flow }: { host: string; change: keyof typeof WHAT; flow: PlanFlow }) {
  const id = useId();
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
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium">{what.label}</label>
        <input id={id} value={name} onChange={(e) => setName(e.target.value)} placeholder={what.placeholder} maxLength={40} spellCheck={false} autoComplete="off"
          aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-error` : undefined} className={input} />
      </div>
      <button type="submit" className={button} disabled={flow.busy || name === ""}>{what.title}</button>
      {problem ? <p id={`${id}-error`} className="w-full text-sm text-red-700 dark:text-red-400">{problem}</p> : null}
    </form>
  );
}
