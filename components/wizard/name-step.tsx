"use client";

import { useFormContext } from "react-hook-form";
import { defaultDomainFor, type WizardValues } from "@/lib/domain/network";
import { ConnectionChoice } from "./connection-choice";
import { TextField } from "./field";
import type { StepProps } from "./step-props";

/** Step 1: the name, no spaces, unique on the host; and what kind of network it is (which decides the pages after it). */
export function NameStep({ edited, devices }: StepProps) {
  const { setValue } = useFormContext<WizardValues>();
  const follow = (name: string) => {
    if (!edited.has("domain")) setValue("domain", defaultDomainFor(name.trim()), { shouldValidate: true });
  };
  return (
    <div className="max-w-md space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Choose a name for your virtual network, for example network1.</p>
      <TextField name="name" label="Network Name" onValue={follow} />
      <ConnectionChoice devices={devices} />
    </div>
  );
}
