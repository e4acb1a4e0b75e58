"use client";

import { useId } from "react";
import { useFormContext } from "react-hook-form";
import { FORWARD_MODES, MODES, type WizardValues } from "@/lib/domain/network";
import { CheckField, FieldError, inputClass, TextField, useFieldError } from "./field";
import type { StepProps } from "./step-props";

/** Isolated, or forwarding to a device in a mode. "Destination" means nothing for a mode that takes no device (Open: libvirt refuses one). */
function Forwarding({ destinations }: Pick<StepProps, "destinations">) {
  const destinationId = useId();
  const modeId = useId();
  const { register, watch, setValue } = useFormContext<WizardValues>();
  const [destination, mode] = watch(["forward.destination", "forward.mode"]);
  const destinationError = useFieldError("forward.destination");
  const modeError = useFieldError("forward.mode");
  // Open forwards to no device (libvirt refuses one); the mode table says which modes take one.
  const noDevice = !MODES[mode].wizard.destination;
  const modeField = register("forward.mode", {
    // Open forwards to no device: drop a chosen one rather than keep a value the disabled field cannot show as wrong.
    onChange: (e: { target: { value: string } }) => {
      if (!MODES[e.target.value as typeof mode].wizard.destination) setValue("forward.destination", "", { shouldValidate: true });
    },
  });
  return (
    <fieldset className="grid max-w-xl grid-cols-2 gap-4 border-l-2 border-zinc-200 pl-4 dark:border-zinc-800">
      <div>
        <label htmlFor={destinationId} className="block text-sm font-medium">Destination</label>
        {/* Not registered: a disabled registered field would drop its value from the form. */}
        <select id={destinationId} value={destination} disabled={noDevice} onChange={(e) => setValue("forward.destination", e.target.value, { shouldValidate: true })}
          aria-invalid={destinationError ? true : false} aria-describedby={destinationError ? `${destinationId}-error` : undefined} className={inputClass}>
          <option value="">Any physical device</option>
          {destinations.map((d) => <option key={d} value={d}>{d}</option>)}
        </select>
        <FieldError id={`${destinationId}-error`} message={destinationError} />
      </div>
      <div>
        <label htmlFor={modeId} className="block text-sm font-medium">Mode</label>
        <select id={modeId} {...modeField} aria-invalid={modeError ? true : false} aria-describedby={modeError ? `${modeId}-error` : undefined} className={inputClass}>
          {FORWARD_MODES.map((m) => <option key={m} value={m}>{MODES[m].label}</option>)}
        </select>
        <FieldError id={`${modeId}-error`} message={modeError} />
      </div>
    </fieldset>
  );
}

/** Step 4 of 4: how the network reaches the outside, DNS domain, autostart. */
export function ForwardStep({ destinations, edited }: StepProps) {
  const { register, watch } = useFormContext<WizardValues>();
  const kind = watch("forward.kind");
  return (
    <div className="space-y-4">
      <div role="radiogroup" aria-label="Connectivity" className="space-y-2">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="radio" value="isolated" {...register("forward.kind")} /> Isolated virtual network
        </label>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="radio" value="forward" {...register("forward.kind")} /> Forwarding to physical network
        </label>
      </div>
      {kind === "forward" ? <Forwarding destinations={destinations} /> : null}
      <CheckField name="ipv6Internal" label="Enable IPv6 internal routing/networking" />
      <div className="max-w-md">
        <TextField name="domain" label="DNS Domain Name" onEdit={() => edited.mark("domain")} />
      </div>
      <CheckField name="autostart" label="Start network at boot" />
    </div>
  );
}
