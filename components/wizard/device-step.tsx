"use client";

import { get, useFieldArray, useFormContext } from "react-hook-form";
import { MACVTAP_MODES, type WizardValues } from "@/lib/domain/network";
import { Checkbox, FieldError, Radio, secondaryButton, Select as UiSelect, smallButton, TextField as UiTextField } from "@/components/ui";
import { CheckField, useFieldError, type WizardPath } from "./field";
import type { StepProps } from "./step-props";

// The device network's one page after its name: which host bridge, NICs or
// physical function its guests use. Nothing here asks for addresses, DHCP or
// DNS: libvirt refuses them on these networks.

/** components/ui's Select with its error taken from the wizard's form by name. */
function Select({ name, label, value, onChange, children }: { name: WizardPath; label: string; value: string; onChange: (v: string) => void; children: React.ReactNode }) {
  const error = useFieldError(name);
  return <UiSelect label={label} value={value} onChange={(e) => onChange(e.target.value)} error={error}>{children}</UiSelect>;
}

function Portgroups() {
  const { control, register } = useFormContext<WizardValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "device.portgroups" });
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Portgroups (guests choose one; its VLAN tags their port)</legend>
      {fields.map((f, i) => (
        <PortgroupRow key={f.id} index={i} onRemove={() => remove(i)} register={register} />
      ))}
      <button type="button" onClick={() => append({ name: "", vlan: "", trunk: false })} className={secondaryButton}>
        Add portgroup
      </button>
    </fieldset>
  );
}

function PortgroupRow({ index, onRemove, register }: { index: number; onRemove: () => void; register: ReturnType<typeof useFormContext<WizardValues>>["register"] }) {
  const nameError = useFieldError(`device.portgroups.${index}.name`);
  const vlanError = useFieldError(`device.portgroups.${index}.vlan`);
  return (
    <div role="group" aria-label={`Portgroup ${index + 1}`} className="grid grid-cols-[1fr_1fr_auto_auto_auto] items-start gap-3">
      <UiTextField label="Portgroup name" {...register(`device.portgroups.${index}.name`)} autoComplete="off" error={nameError} />
      <UiTextField label="VLAN tag(s)" {...register(`device.portgroups.${index}.vlan`)} placeholder="none, 10, or 10,20" autoComplete="off" error={vlanError} />
      <Checkbox label="Trunk" className="mt-6 flex items-center gap-1" {...register(`device.portgroups.${index}.trunk`)} />
      {/* One row's radio marks the network's default portgroup. */}
      <Radio label="Default" className="mt-6 flex items-center gap-1" value={String(index)} {...register("device.defaultPortgroup")} />
      <button type="button" onClick={onRemove} className={`mt-6 ${smallButton}`}>Remove</button>
    </div>
  );
}

function BridgeBody({ devices }: Pick<StepProps, "devices">) {
  const { watch, setValue } = useFormContext<WizardValues>();
  const [hostBridge, ovs] = watch(["device.hostBridge", "device.ovs"]);
  const choose = (name: string) => {
    const bridge = devices.bridges.find((b) => b.name === name);
    setValue("device.ovs", bridge?.ovs ?? false);
    setValue("device.hostBridge", name, { shouldValidate: true });
  };
  return (
    <div className="space-y-4">
      <Select name="device.hostBridge" label="Host bridge" value={hostBridge} onChange={choose}>
        <option value="">Choose a bridge…</option>
        {devices.bridges.map((b) => (
          <option key={b.name} value={b.name}>
            {b.name} ({b.ovs ? "Open vSwitch" : "Linux bridge"}; ports {b.ports.join(", ") || "none"}{b.addresses.length ? `; ${b.addresses.join(", ")}` : ""})
          </option>
        ))}
      </Select>
      {devices.bridges.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">This host has no bridge of its own yet: create one on its Interfaces page.</p> : null}
      {ovs ? <Portgroups /> : null}
    </div>
  );
}

function MacvtapBody({ devices }: Pick<StepProps, "devices">) {
  const { watch, setValue } = useFormContext<WizardValues>();
  const [mode, interfaces] = watch(["device.macvtapMode", "device.interfaces"]);
  const error = useFieldError("device.interfaces");
  const { formState } = useFormContext<WizardValues>();
  // A refused NIC reports on its place in the list ("device.interfaces.0"): shown under the pool.
  const perNic = get(formState.errors, "device.interfaces") as ({ message?: string } | undefined)[] | undefined;
  const nicError = Array.isArray(perNic) ? perNic.find((e) => e?.message)?.message : undefined;
  const toggle = (name: string, on: boolean) =>
    setValue("device.interfaces", on ? [...interfaces, name] : interfaces.filter((n) => n !== name), { shouldValidate: true });
  return (
    <div className="space-y-4">
      <Select name="device.macvtapMode" label="Macvtap mode" value={mode} onChange={(v) => setValue("device.macvtapMode", v as typeof mode, { shouldValidate: true })}>
        {MACVTAP_MODES.map((m) => <option key={m} value={m}>{m}</option>)}
      </Select>
      <fieldset aria-invalid={error ? true : false}>
        <legend className="text-sm font-medium">Host interfaces (the pool)</legend>
        {devices.nics.map((n) => (
          <div key={n.name}>
            <Checkbox label={n.name} className={`flex items-center gap-2 ${n.busy ? "opacity-60" : ""}`} checked={interfaces.includes(n.name)} disabled={!!n.busy} onChange={(e) => toggle(n.name, e.target.checked)} />
            {n.busy ? <p className="ml-6 text-xs text-zinc-600 dark:text-zinc-400">Not offered: {n.busy}</p> : null}
          </div>
        ))}
        <FieldError id="device-interfaces-error" message={error ?? nicError} />
      </fieldset>
    </div>
  );
}

function HostdevBody({ devices }: Pick<StepProps, "devices">) {
  const { watch, setValue } = useFormContext<WizardValues>();
  const pf = watch("device.pf");
  if (devices.sriovDisabled) return <p role="note" className="text-sm">{devices.sriovDisabled}</p>;
  return (
    <Select name="device.pf" label="Physical function" value={pf} onChange={(v) => setValue("device.pf", v, { shouldValidate: true })}>
      <option value="">Choose a NIC…</option>
      {devices.sriov.map((n) => <option key={n.name} value={n.name}>{n.name} ({n.totalVfs} virtual functions)</option>)}
    </Select>
  );
}

/** The device network's page: its bridge, pool of NICs or physical function, and autostart. */
export function DeviceStep({ devices }: StepProps) {
  const { watch } = useFormContext<WizardValues>();
  const connection = watch("connection");
  return (
    <div className="max-w-3xl space-y-4">
      {connection === "bridge" ? <BridgeBody devices={devices} /> : null}
      {connection === "macvtap" ? <MacvtapBody devices={devices} /> : null}
      {connection === "hostdev" ? <HostdevBody devices={devices} /> : null}
      <CheckField name="autostart" label="Start network at boot" />
    </div>
  );
}
