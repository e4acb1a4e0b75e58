"use client";

import type { InterfacesView } from "@/lib/domain/interfaces/host-view";
import { AddPortForm } from "./add-port-form";
import { BridgeTable } from "./bridge-table";
import { CreateForm } from "./create-form";
import { RemoveAddressForm, RemoveRouteForm } from "./guarded-forms";
import { LinkTable } from "./link-table";
import { section } from "./styles";
import { FlowError, usePlanFlow } from "./use-plan-flow";

/** The host's bridges, TAPs and NICs, and the seed's manual-bridge actions. */
export function HostInterfaces({ host, view, canChange }: { host: string; view: InterfacesView; canChange: boolean }) {
  const flow = usePlanFlow();
  const ports = [...view.taps, ...view.nics].map((l) => l.name);
  return (
    <div className="space-y-8">
      <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
        These changes are runtime-only: they change the running kernel with iproute2, not the host&apos;s network configuration, and they do not survive a reboot.
      </p>
      {canChange ? (
        <section aria-label="Changes" className="space-y-3">
          <div className="flex flex-wrap gap-8">
            <CreateForm host={host} change="create-bridge" flow={flow} />
            <CreateForm host={host} change="create-tap" flow={flow} />
            <AddPortForm host={host} ports={ports} bridges={view.bridges.map((b) => b.name)} flow={flow} />
          </div>
          <div className="flex flex-wrap gap-8">
            <RemoveAddressForm host={host} links={[...view.nics, ...view.bridges, ...view.taps]} flow={flow} />
            <RemoveRouteForm host={host} routes={view.routes} flow={flow} />
          </div>
          <FlowError flow={flow} />
          {flow.dialog}
        </section>
      ) : null}
      <section aria-labelledby="bridges-h" className={section}>
        <h2 id="bridges-h" className="text-lg font-semibold">Bridges</h2>
        <BridgeTable host={host} bridges={view.bridges} flow={flow} canChange={canChange} />
      </section>
      <section aria-labelledby="taps-h" className={section}>
        <h2 id="taps-h" className="text-lg font-semibold">TAP devices</h2>
        <LinkTable host={host} label="TAP devices" rows={view.taps} flow={flow} canChange={canChange} deletable empty="No TAP devices on this host." />
      </section>
      {view.macvtaps.length > 0 ? (
        <section aria-labelledby="macvtaps-h" className={section}>
          <h2 id="macvtaps-h" className="text-lg font-semibold">Macvtap devices</h2>
          <LinkTable host={host} label="Macvtap devices" rows={view.macvtaps} flow={flow} canChange={false} empty="" />
        </section>
      ) : null}
      <section aria-labelledby="nics-h" className={section}>
        <h2 id="nics-h" className="text-lg font-semibold">Network interfaces (NICs)</h2>
        <LinkTable host={host} label="NICs" rows={view.nics} flow={flow} canChange={canChange} bridgeable empty="No NICs found." />
      </section>
    </div>
  );
}
