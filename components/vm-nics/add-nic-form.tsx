"use client";

import { useId, useState } from "react";
import { planNicAttach } from "@/app/hosts/[host]/vms/actions";
import type { AttachChoices } from "@/lib/domain/interfaces/attach-choices";
import { DEVICE_MODELS, MACVTAP_MODES, type AttachSpec } from "@/lib/domain/interfaces/attach-spec";
import { errorClass, Radio, secondaryButton, Select, TextField } from "@/components/ui";
import type { PlanFlow } from "@/components/interfaces/use-plan-flow";

type Props = { host: string; uuid: string; choices: AttachChoices; initialSource: string; flow: PlanFlow };

/** "kind:name" from the source select, as the attach spec's source. */
function sourceOf(value: string, mode: string, portgroup: string): AttachSpec["source"] | null {
  const [kind, ...rest] = value.split(":");
  const name = rest.join(":");
  if (kind === "network") return { kind: "network", network: name, ...(portgroup ? { portgroup } : {}) };
  if (kind === "bridge") return { kind: "bridge", bridge: name };
  if (kind === "direct") return { kind: "direct", dev: name, mode: mode as "bridge" };
  return null;
}

/** virt-manager's Add Hardware → Network: source, device model, MAC. */
export function AddNicForm({ host, uuid, choices, initialSource, flow }: Props) {
  const id = useId();
  const [source, setSource] = useState(initialSource);
  const [mode, setMode] = useState<string>("bridge");
  // "" is the network's default portgroup (libvirt picks it).
  const [portgroup, setPortgroup] = useState("");
  const chosenNetwork = source.startsWith("network:") ? choices.networks.find((n) => `network:${n.name}` === source) : undefined;
  const [model, setModel] = useState<string>("virtio");
  const [macKind, setMacKind] = useState<"generated" | "typed">("generated");
  const [mac, setMac] = useState("");
  const submit = () => {
    const from = sourceOf(source, mode, chosenNetwork?.portgroups ? portgroup : "");
    if (!from) return;
    const spec = { source: from, model, mac: macKind === "generated" ? { kind: "generated" } : { kind: "typed", address: mac } };
    void flow.ask(() => planNicAttach({ host, uuid, spec }));
  };
  const macError = flow.fieldErrors["spec.mac.address"] ?? flow.fieldErrors.mac;
  return (
    <form aria-label="Add network interface" className="grid max-w-xl gap-3" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Select id={`${id}-source`} label="Network source" value={source} onChange={(e) => setSource(e.target.value)}>
        <option value="">Choose…</option>
        <optgroup label="Virtual network">{choices.networks.map((n) => <option key={n.name} value={`network:${n.name}`}>{`Virtual network '${n.name}'${n.describe ? `: ${n.describe}` : ""}${n.active ? "" : " (inactive)"}`}</option>)}</optgroup>
        <optgroup label="Host bridge">{choices.bridges.map((b) => <option key={b} value={`bridge:${b}`}>{`Bridge device ${b}`}</option>)}</optgroup>
        <optgroup label="Macvtap (type='direct')">{choices.macvtapDevs.map((d) => <option key={d} value={`direct:${d}`}>{`Host device ${d}: macvtap`}</option>)}</optgroup>
      </Select>
      {chosenNetwork?.portgroups ? (
        <Select id={`${id}-portgroup`} label="Portgroup" value={portgroup} onChange={(e) => setPortgroup(e.target.value)} error={flow.fieldErrors.portgroup}>
          <option value="">{`Network default${chosenNetwork.portgroups.find((g) => g.default) ? ` (${chosenNetwork.portgroups.find((g) => g.default)!.name})` : ""}`}</option>
          {chosenNetwork.portgroups.map((g) => <option key={g.name} value={g.name}>{`${g.name}${g.vlan ? ` (${g.vlan})` : ""}`}</option>)}
        </Select>
      ) : null}
      {source.startsWith("direct:") ? (
        <Select id={`${id}-mode`} label="Source mode" value={mode} onChange={(e) => setMode(e.target.value)}>
          {MACVTAP_MODES.map((m) => <option key={m} value={m}>{m}</option>)}
        </Select>
      ) : null}
      <Select id={`${id}-model`} label="Device model" value={model} onChange={(e) => setModel(e.target.value)}>
        {DEVICE_MODELS.map((m) => <option key={m} value={m}>{m}</option>)}
      </Select>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">MAC address</legend>
        <div className="flex gap-4">
          <Radio label="Generate (52:54:00:…)" name={`${id}-mac`} checked={macKind === "generated"} onChange={() => setMacKind("generated")} />
          <Radio label="Set it" name={`${id}-mac`} checked={macKind === "typed"} onChange={() => setMacKind("typed")} />
        </div>
        {/* The legend says "MAC address"; the field's own name stays "MAC" for screen readers (and tests). */}
        {macKind === "typed" ? (
          <TextField id={`${id}-mac-address`} label={<span className="sr-only">MAC</span>} mono value={mac} onChange={(e) => setMac(e.target.value)} placeholder="52:54:00:12:34:56" error={macError} />
        ) : macError ? <p className={errorClass}>{macError}</p> : null}
      </fieldset>
      <div><button type="submit" className={secondaryButton} disabled={flow.busy || !source}>Add network interface</button></div>
    </form>
  );
}
