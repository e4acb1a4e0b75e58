"use client";

import { useId, useState, type ReactNode } from "react";
import { planOvsUplink, planRemoveAddress, planRemoveRoute } from "@/app/hosts/[host]/interfaces/guarded-actions";
import { Checkbox, FieldError, secondaryButton, Select, TextField } from "@/components/ui";
import type { OvsPageView } from "@/lib/domain/host/snapshot-ovs";
import type { LinkRow } from "@/lib/domain/interfaces/host-view";
import type { RouteRow } from "@/lib/domain/interfaces/route-key";
import type { PlanFlow } from "./use-plan-flow";

// Changes that can cut the host off when they touch the path Switchyard
// reaches it through: removing an address or a route, and Open vSwitch changes
// on the uplink. The server decides whether they do; if so it refuses unless
// "Under the dead-man switch" is ticked, and the refusal lands on that box.

const DEFAULT_SECONDS = 30;

function useOwn(flow: PlanFlow) {
  const [mine, setMine] = useState(false);
  return { errors: mine ? flow.fieldErrors : {}, ask: (call: Parameters<PlanFlow["ask"]>[0]) => (setMine(true), flow.ask(call)) };
}

function useGuard() {
  const [guarded, setGuarded] = useState(false);
  const [seconds, setSeconds] = useState(String(DEFAULT_SECONDS));
  return { guarded, seconds: Number(seconds), fields: (errors: Record<string, string>) => <GuardFields guarded={guarded} setGuarded={setGuarded} seconds={seconds} setSeconds={setSeconds} errors={errors} /> };
}

function GuardFields({ guarded, setGuarded, seconds, setSeconds, errors }: { guarded: boolean; setGuarded: (v: boolean) => void; seconds: string; setSeconds: (v: string) => void; errors: Record<string, string> }) {
  const id = useId();
  return (
    <>
      <div>
        <Checkbox id={`${id}-guarded`} label="Under the dead-man switch" checked={guarded} onChange={(e) => setGuarded(e.target.checked)}
          aria-invalid={errors.guarded ? true : false} aria-describedby={errors.guarded ? `${id}-guarded-error` : undefined} />
        <FieldError id={`${id}-guarded-error`} message={errors.guarded} />
      </div>
      {guarded ? <TextField label="Switch (s)" type="number" value={seconds} onChange={(e) => setSeconds(e.target.value)} className="w-24" error={errors.seconds} /> : null}
    </>
  );
}

function Form({ title, disabled, onSubmit, children }: { title: string; disabled: boolean; onSubmit: () => void; children: ReactNode }) {
  return (
    <form aria-label={title} className="flex flex-wrap items-start gap-2" onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
      {children}
      <button type="submit" className={`${secondaryButton} mt-5`} disabled={disabled}>{title}</button>
    </form>
  );
}

/** Every global address of the host's NICs, bridges and TAPs, as "device address". */
export function RemoveAddressForm({ host, links, flow }: { host: string; links: LinkRow[]; flow: PlanFlow }) {
  const [choice, setChoice] = useState("");
  const own = useOwn(flow);
  const guard = useGuard();
  const options = links.flatMap((l) => l.addresses.filter((a) => !a.startsWith("fe80:")).map((a) => ({ value: `${l.name} ${a}`, device: l.name, address: a })));
  const picked = options.find((o) => o.value === choice);
  return (
    <Form title="Remove address" disabled={flow.busy || !picked}
      onSubmit={() => picked && void own.ask(() => planRemoveAddress({ host, device: picked.device, address: picked.address, guarded: guard.guarded, seconds: guard.seconds }))}>
      <Select label="Address to remove" value={choice} onChange={(e) => setChoice(e.target.value)} error={own.errors.address ?? own.errors.device}>
        <option value="">Choose…</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.value}</option>)}
      </Select>
      {guard.fields(own.errors)}
    </Form>
  );
}

export function RemoveRouteForm({ host, routes, flow }: { host: string; routes: RouteRow[]; flow: PlanFlow }) {
  const [route, setRoute] = useState("");
  const own = useOwn(flow);
  const guard = useGuard();
  return (
    <Form title="Remove route" disabled={flow.busy || !route}
      onSubmit={() => void own.ask(() => planRemoveRoute({ host, route, guarded: guard.guarded, seconds: guard.seconds }))}>
      <Select label="Route to remove" value={route} onChange={(e) => setRoute(e.target.value)} error={own.errors.route}>
        <option value="">Choose…</option>
        {routes.map((r) => <option key={r.key} value={r.key}>{r.key}</option>)}
      </Select>
      {guard.fields(own.errors)}
    </Form>
  );
}

const CHANGES = { "ovs-add-port": "Add the NIC as a port", "ovs-del-port": "Remove the port", "ovs-del-br": "Delete the bridge" } as const;

/** The OVS changes the ordinary forms refuse because they touch Switchyard's connection. */
export function OvsUplinkForm({ host, view, flow }: { host: string; view: OvsPageView; flow: PlanFlow }) {
  const [bridge, setBridge] = useState(view.bridges[0]?.name ?? "");
  const [change, setChange] = useState<keyof typeof CHANGES>("ovs-add-port");
  const [port, setPort] = useState("");
  const own = useOwn(flow);
  const guard = useGuard();
  const ports = change === "ovs-add-port" ? view.allNics : (view.bridges.find((b) => b.name === bridge)?.ports ?? []).map((p) => p.name).filter((p) => p !== bridge);
  const common = { host, bridge, guarded: guard.guarded, seconds: guard.seconds };
  const call = () =>
    change === "ovs-del-br" ? planOvsUplink({ ...common, change }) : change === "ovs-del-port" ? planOvsUplink({ ...common, change, port }) : planOvsUplink({ ...common, change, port, tags: [], trunk: false });
  return (
    <Form title="Change OVS on the uplink" disabled={flow.busy || !bridge || (change !== "ovs-del-br" && !port)} onSubmit={() => void own.ask(call)}>
      <Select label="Uplink OVS bridge" value={bridge} onChange={(e) => setBridge(e.target.value)} error={own.errors.bridge}>
        {view.bridges.map((b) => <option key={b.name} value={b.name}>{b.name}</option>)}
      </Select>
      <Select label="Uplink change" value={change} onChange={(e) => { setChange(e.target.value as keyof typeof CHANGES); setPort(""); }}>
        {Object.entries(CHANGES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
      </Select>
      {change !== "ovs-del-br" ? (
        <Select label="Uplink NIC or port" value={port} onChange={(e) => setPort(e.target.value)} error={own.errors.port}>
          <option value="">Choose…</option>
          {ports.map((p) => <option key={p} value={p}>{p}</option>)}
        </Select>
      ) : null}
      {guard.fields(own.errors)}
    </Form>
  );
}
