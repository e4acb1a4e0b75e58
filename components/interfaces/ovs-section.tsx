"use client";

import { planOvsChange } from "@/app/hosts/[host]/interfaces/ovs-actions";
import { isBond, type OvsPageView, type OvsPort } from "@/lib/domain/host/snapshot-ovs";
import { OvsUplinkForm } from "./guarded-forms";
import { LinuxBondForm, LinuxVlanForm, OvsAddBondForm, OvsAddPortForm, OvsCreateBridgeForm } from "./ovs-forms";
import { cell, dangerButton, head, rowLine, section } from "./styles";
import { FlowError, usePlanFlow } from "./use-plan-flow";

// Open vSwitch on the Interfaces page: its bridges with their ports, VLAN tags,
// trunks and bonds (read by ovs-vsctl in the same exec as the rest of the
// host), the changes an operator can make to them, and Linux's own VLAN and
// bond devices beside them. This is how "VLAN interface", "bond interface" and
// "bonded VLAN interface" are built on a host whose kernel lacks 8021q/bonding.

const vlanText = (p: OvsPort) => (p.tag !== undefined ? `access VLAN ${p.tag}` : p.trunks.length ? `trunk ${p.trunks.join(",")}` : "all VLANs");

function BridgeTable({ host, view, flow, canChange }: { host: string; view: OvsPageView; flow: ReturnType<typeof usePlanFlow>; canChange: boolean }) {
  return (
    <div className="space-y-4">
      {view.bridges.map((b) => (
        <table key={b.name} aria-label={`Open vSwitch bridge ${b.name}`} className="w-full text-left text-sm">
          <caption className="text-left font-medium">
            {b.name}{b.datapathType === "netdev" ? " (userspace datapath)" : ""}
            {canChange ? (
              <button type="button" className={`${dangerButton} ml-3`} disabled={flow.busy} onClick={() => void flow.ask(() => planOvsChange({ host, change: "ovs-del-br", bridge: b.name }))}>
                Delete {b.name}
              </button>
            ) : null}
          </caption>
          <thead className={head}>
            <tr>{["Port", "VLAN", "Interfaces", ""].map((h) => <th key={h} scope="col" className="py-2 pr-4 font-medium">{h}</th>)}</tr>
          </thead>
          <tbody>
            {b.ports.map((p) => (
              <tr key={p.name} className={rowLine} data-port={p.name}>
                <td className={`${cell} font-mono`}>{p.name}</td>
                <td className={cell} data-column="vlan">{vlanText(p)}</td>
                <td className={cell} data-column="interfaces">
                  {isBond(p) ? `bond (${p.bondMode ?? "active-backup"}) of ${p.interfaces.map((i) => i.name).sort().join(", ")}` : p.interfaces.map((i) => `${i.name}${i.type ? ` (${i.type})` : ""}`).join(", ")}
                </td>
                <td className={cell}>
                  {canChange && p.name !== b.name ? (
                    <button type="button" className={dangerButton} disabled={flow.busy} onClick={() => void flow.ask(() => planOvsChange({ host, change: "ovs-del-port", bridge: b.name, port: p.name }))}>
                      Remove {p.name}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

export function OvsSection({ host, view, canChange }: { host: string; view: OvsPageView; canChange: boolean }) {
  const flow = usePlanFlow();
  return (
    <section aria-labelledby="ovs-h" className={section}>
      <h2 id="ovs-h" className="text-lg font-semibold">Open vSwitch, VLANs and bonds</h2>
      {view.present ? (
        view.bridges.length ? <BridgeTable host={host} view={view} flow={flow} canChange={canChange} /> : <p className="text-sm">Open vSwitch runs here, with no bridges yet.</p>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Open vSwitch is not running on this host (no database socket at /run/openvswitch/db.sock), or this SSH user cannot read it.</p>
      )}
      {canChange ? (
        <div className="space-y-3">
          {view.present ? (
            <div className="flex flex-wrap gap-8">
              <OvsCreateBridgeForm host={host} view={view} flow={flow} />
              {view.bridges.length ? <OvsAddPortForm host={host} view={view} flow={flow} /> : null}
              {view.bridges.length ? <OvsAddBondForm host={host} view={view} flow={flow} /> : null}
              {view.bridges.length ? <OvsUplinkForm host={host} view={view} flow={flow} /> : null}
            </div>
          ) : null}
          <div className="flex flex-wrap gap-8">
            <LinuxVlanForm host={host} view={view} flow={flow} />
            <LinuxBondForm host={host} view={view} flow={flow} />
          </div>
          <FlowError flow={flow} />
          {flow.dialog}
        </div>
      ) : null}
    </section>
  );
}
