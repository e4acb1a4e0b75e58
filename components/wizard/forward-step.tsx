"use client";

import { useFormContext } from "react-hook-form";
import { FORWARD_MODES, MODES, type WizardValues } from "@/lib/domain/network";
import { Radio, Select } from "@/components/ui";
import { CheckField, TextField, useFieldError } from "./field";
import type { StepProps } from "./step-props";

/** Isolated, or forwarding to a device in a mode. "Destination" means nothing for a mode that takes no device (Open: libvirt refuses one). */
function Forwarding({ destinations }: Pick<StepProps, "destinations">) {
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
      {/* Not registered: a disabled registered field would drop its value from the form. */}
      <Select label="Destination" value={destination} disabled={noDevice} error={destinationError}
        onChange={(e) => setValue("forward.destination", e.target.value, { shouldValidate: true })}>
        <option value="">Any physical device</option>
        {destinations.map((d) => <option key={d} value={d}>{d}</option>)}
      </Select>
      <Select label="Mode" {...modeField} error={modeError}>
        {FORWARD_MODES.map((m) => <option key={m} value={m}>{MODES[m].label}</option>)}
      </Select>
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
        <Radio label="Isolated virtual network" value="isolated" {...register("forward.kind")} />
        <Radio label="Forwarding to physical network" value="forward" {...register("forward.kind")} />
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
