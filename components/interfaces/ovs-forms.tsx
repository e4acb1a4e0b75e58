"use client";

import { useState, type ReactNode } from "react";
import { planLinuxVlanBond, planOvsChange } from "@/app/hosts/[host]/interfaces/ovs-actions";
import { Checkbox, secondaryButton, Select, TextField } from "@/components/ui";
import type { OvsPageView } from "@/lib/domain/host/snapshot-ovs";
import type { PlanFlow } from "./use-plan-flow";

// The Open vSwitch and Linux VLAN/bond forms of the Interfaces page. Each asks
// the server for a plan (checked against the host as it is now); a refusal
// lands on the field it is about.

type FormProps = { host: string; view: OvsPageView; flow: PlanFlow };

/** One form's frame: its errors are shown only after it asked (the flow is shared by every form). */
function useOwnErrors(flow: PlanFlow) {
  const [mine, setMine] = useState(false);
  return { errors: mine ? flow.fieldErrors : {}, ask: (call: Parameters<PlanFlow["ask"]>[0]) => (setMine(true), flow.ask(call)) };
}

function Form({ title, onSubmit, children, disabled }: { title: string; onSubmit: () => void; children: ReactNode; disabled: boolean }) {
  return (
    <form aria-label={title} className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
      {children}
      <button type="submit" className={secondaryButton} disabled={disabled}>{title}</button>
    </form>
  );
}

const nicOptions = (nics: string[]) => [<option key="" value="">Choose…</option>, ...nics.map((n) => <option key={n} value={n}>{n}</option>)];

export function OvsCreateBridgeForm({ host, flow }: FormProps) {
  const [bridge, setBridge] = useState("");
  const own = useOwnErrors(flow);
  return (
    <Form title="Create OVS bridge" disabled={flow.busy || bridge === ""} onSubmit={() => void own.ask(() => planOvsChange({ host, change: "ovs-add-br", bridge }))}>
      <TextField label="OVS bridge name" value={bridge} onChange={(e) => setBridge(e.target.value)} placeholder="ovsbr1" maxLength={40} mono error={own.errors.bridge} />
    </Form>
  );
}

export function OvsAddPortForm({ host, view, flow }: FormProps) {
  const [bridge, setBridge] = useState(view.bridges[0]?.name ?? "");
  const [port, setPort] = useState("");
  const [vlan, setVlan] = useState("");
  const [trunk, setTrunk] = useState(false);
  const own = useOwnErrors(flow);
  return (
    <Form title="Add OVS port" disabled={flow.busy || !bridge || !port} onSubmit={() => void own.ask(() => planOvsChange({ host, change: "ovs-add-port", bridge, port, vlan, trunk }))}>
      <Select label="OVS bridge" value={bridge} onChange={(e) => setBridge(e.target.value)} error={own.errors.bridge}>
        {view.bridges.map((b) => <option key={b.name} value={b.name}>{b.name}</option>)}
      </Select>
      <Select label="Port (a free NIC)" value={port} onChange={(e) => setPort(e.target.value)} error={own.errors.port}>{nicOptions(view.freeNics)}</Select>
      <TextField label="VLAN tag(s)" value={vlan} onChange={(e) => setVlan(e.target.value)} placeholder="none, 10, or 10,20" maxLength={200} mono error={own.errors.vlan} />
      <Checkbox label="Trunk" checked={trunk} onChange={(e) => setTrunk(e.target.checked)} />
    </Form>
  );
}

export function OvsAddBondForm({ host, view, flow }: FormProps) {
  const [bridge, setBridge] = useState(view.bridges[0]?.name ?? "");
  const [bond, setBond] = useState("");
  const [a, setA] = useState("");
  const [b, setB] = useState("");
  const own = useOwnErrors(flow);
  return (
    <Form title="Add OVS bond" disabled={flow.busy || !bridge || !bond || !a || !b} onSubmit={() => void own.ask(() => planOvsChange({ host, change: "ovs-add-bond", bridge, bond, nics: [a, b] }))}>
      <Select label="Bond bridge" value={bridge} onChange={(e) => setBridge(e.target.value)} error={own.errors.bridge}>
        {view.bridges.map((x) => <option key={x.name} value={x.name}>{x.name}</option>)}
      </Select>
      <TextField label="Bond name" value={bond} onChange={(e) => setBond(e.target.value)} placeholder="bond0" maxLength={40} mono error={own.errors.bond} />
      <Select label="First NIC" value={a} onChange={(e) => setA(e.target.value)} error={own.errors["nics.0"]}>{nicOptions(view.freeNics)}</Select>
      <Select label="Second NIC" value={b} onChange={(e) => setB(e.target.value)} error={own.errors["nics.1"]}>{nicOptions(view.freeNics)}</Select>
    </Form>
  );
}

/** Linux's own VLAN sub-interface and bond (`ip link add … type vlan|bond`): refused, naming the driver, where the kernel has none. */
export function LinuxVlanForm({ host, view, flow }: FormProps) {
  const [parent, setParent] = useState("");
  const [id, setId] = useState("");
  const own = useOwnErrors(flow);
  return (
    <Form title="Create Linux VLAN" disabled={flow.busy || !parent || !id} onSubmit={() => void own.ask(() => planLinuxVlanBond({ host, change: "linux-vlan", parent, id: Number(id) }))}>
      <Select label="VLAN parent" value={parent} onChange={(e) => setParent(e.target.value)} error={own.errors.parent}>{nicOptions(view.allNics)}</Select>
      <TextField label="VLAN id" value={id} onChange={(e) => setId(e.target.value)} inputMode="numeric" maxLength={4} mono error={own.errors.id} />
    </Form>
  );
}

export function LinuxBondForm({ host, view, flow }: FormProps) {
  const [name, setName] = useState("");
  const [a, setA] = useState("");
  const [b, setB] = useState("");
  const own = useOwnErrors(flow);
  return (
    <Form title="Create Linux bond" disabled={flow.busy || !name || !a || !b} onSubmit={() => void own.ask(() => planLinuxVlanBond({ host, change: "linux-bond", name, nics: [a, b] }))}>
      <TextField label="Linux bond name" value={name} onChange={(e) => setName(e.target.value)} placeholder="bond0" maxLength={40} mono error={own.errors.name} />
      <Select label="Bond NIC 1" value={a} onChange={(e) => setA(e.target.value)} error={own.errors["nics.0"]}>{nicOptions(view.freeNics)}</Select>
      <Select label="Bond NIC 2" value={b} onChange={(e) => setB(e.target.value)} error={own.errors["nics.1"]}>{nicOptions(view.freeNics)}</Select>
    </Form>
  );
}
