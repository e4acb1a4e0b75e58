"use client";

import { useId, useState } from "react";
import { planNicAttach } from "@/app/hosts/[host]/vms/actions";
import type { AttachChoices } from "@/lib/domain/interfaces/attach-choices";
import { DEVICE_MODELS, MACVTAP_MODES, type AttachSpec } from "@/lib/domain/interfaces/attach-spec";
import { button, input } from "@/components/interfaces/styles";
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
      <label htmlFor={`${id}-source`} className="text-sm font-medium">Network source</label>
      <select id={`${id}-source`} value={source} onChange={(e) => setSource(e.target.value)} className={input}>
        <option value="">Choose…</option>
        <optgroup label="Virtual network">{choices.networks.map((n) => <option key={n.name} value={`network:${n.name}`}>{`Virtual network '${n.name}'${n.describe ? `: ${n.describe}` : ""}${n.active ? "" : " (inactive)"}`}</option>)}</optgroup>
        <optgroup label="Host bridge">{choices.bridges.map((b) => <option key={b} value={`bridge:${b}`}>{`Bridge device ${b}`}</option>)}</optgroup>
        <optgroup label="Macvtap (type='direct')">{choices.macvtapDevs.map((d) => <option key={d} value={`direct:${d}`}>{`Host device ${d}: macvtap`}</option>)}</optgroup>
      </select>
      {chosenNetwork?.portgroups ? (
        <>
          <label htmlFor={`${id}-portgroup`} className="text-sm font-medium">Portgroup</label>
          <select id={`${id}-portgroup`} value={portgroup} onChange={(e) => setPortgroup(e.target.value)} className={input}>
            <option value="">{`Network default${chosenNetwork.portgroups.find((g) => g.default) ? ` (${chosenNetwork.portgroups.find((g) => g.default)!.name})` : ""}`}</option>
            {chosenNetwork.portgroups.map((g) => <option key={g.name} value={g.name}>{`${g.name}${g.vlan ? ` (${g.vlan})` : ""}`}</option>)}
          </select>
          {flow.fieldErrors.portgroup ? <p className="text-sm text-red-700 dark:text-red-400">{flow.fieldErrors.portgroup}</p> : null}
        </>
      ) : null}
      {source.startsWith("direct:") ? (
        <>
          <label htmlFor={`${id}-mode`} className="text-sm font-medium">Source mode</label>
          <select id={`${id}-mode`} value={mode} onChange={(e) => setMode(e.target.value)} className={input}>
            {MACVTAP_MODES.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </>
      ) : null}
      <label htmlFor={`${id}-model`} className="text-sm font-medium">Device model</label>
      <select id={`${id}-model`} value={model} onChange={(e) => setModel(e.target.value)} className={input}>
        {DEVICE_MODELS.map((m) => <option key={m} value={m}>{m}</option>)}
      </select>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">MAC address</legend>
        <label className="mr-4 text-sm"><input type="radio" name={`${id}-mac`} checked={macKind === "generated"} onChange={() => setMacKind("generated")} /> Generate (52:54:00:…)</label>
        <label className="text-sm"><input type="radio" name={`${id}-mac`} checked={macKind === "typed"} onChange={() => setMacKind("typed")} /> Set it</label>
        {macKind === "typed" ? (
          <input aria-label="MAC" value={mac} onChange={(e) => setMac(e.target.value)} placeholder="52:54:00:12:34:56" spellCheck={false} autoComplete="off" className={`${input} block`} />
        ) : null}
        {macError ? <p className="text-sm text-red-700 dark:text-red-400">{macError}</p> : null}
      </fieldset>
      <div><button type="submit" className={button} disabled={flow.busy || !source}>Add network interface</button></div>
    </form>
  );
}
