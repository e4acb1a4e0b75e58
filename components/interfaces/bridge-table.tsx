"use client";

import { planHostInterfaceChange } from "@/app/hosts/[host]/interfaces/actions";
import type { BridgeView } from "@/lib/domain/interfaces/host-view";
import { button, cell, dangerButton, head, rowLine } from "./styles";
import type { PlanFlow } from "./use-plan-flow";
import { UsesCell } from "./uses-cell";
import { BridgedNetworkLink, UnbridgeButton } from "./bridge-nic-row-actions";

/** Bridges with their ports and STP states; delete a bridge or take a port out. */
export function BridgeTable({ host, bridges, flow, canChange }: { host: string; bridges: BridgeView[]; flow: PlanFlow; canChange: boolean }) {
  if (bridges.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No bridges on this host.</p>;
  return (
    <table aria-label="Bridges" className="w-full text-left text-sm">
      <thead className={head}>
        <tr>{["Bridge", "State", "Ports (STP state)", "Addresses", "Used by", ""].map((h) => <th key={h} scope="col" className="py-2 pr-4 font-medium">{h}</th>)}</tr>
      </thead>
      <tbody>
        {bridges.map((b) => (
          <tr key={b.name} data-if={b.name} className={rowLine}>
            <td className={`${cell} font-mono font-medium`}>{b.name}</td>
            <td className={cell}>{b.up ? "up" : "down"}</td>
            <td className={cell}>
              {b.ports.length === 0 ? <span className="text-zinc-500">No ports</span> : (
                <ul className="space-y-1">
                  {b.ports.map((p) => (
                    <li key={p.name} data-port={p.name} className="flex items-center gap-2">
                      <span className="font-mono">{p.name}</span> <span className="text-zinc-500">{p.state}</span>
                      {canChange ? (
                        <button type="button" className={button} disabled={flow.busy} aria-label={`Remove ${p.name} from ${b.name}`}
                          onClick={() => flow.ask(() => planHostInterfaceChange({ host, change: "remove-port", port: p.name }))}>Remove</button>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
              <p className="mt-1 text-xs text-zinc-500">STP: {b.stp}</p>
            </td>
            <td className={`${cell} font-mono`}>{b.addresses.join(", ")}</td>
            <td className={cell}><UsesCell uses={b.uses} /></td>
            <td className={`${cell} space-y-1`}>
              {canChange ? (
                <button type="button" className={dangerButton} disabled={flow.busy} aria-label={`Delete bridge ${b.name}`}
                  onClick={() => flow.ask(() => planHostInterfaceChange({ host, change: "delete-bridge", name: b.name }))}>Delete</button>
              ) : null}
              {canChange && b.addresses.some((a) => !a.startsWith("fe80:")) && b.ports.length === 1 ? <UnbridgeButton host={host} bridge={b.name} flow={flow} /> : null}
              {canChange && !b.uses.some((u) => u.kind === "network") ? <BridgedNetworkLink host={host} bridge={b.name} /> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
