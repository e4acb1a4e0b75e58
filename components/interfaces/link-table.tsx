"use client";

import { planHostInterfaceChange } from "@/app/hosts/[host]/interfaces/actions";
import type { LinkRow } from "@/lib/domain/interfaces/host-view";
import { button, cell, dangerButton, head, rowLine } from "./styles";
import type { PlanFlow } from "./use-plan-flow";
import { UsesCell } from "./uses-cell";
import { BridgeNicForm } from "./bridge-nic-form";

type Props = { host: string; label: string; rows: LinkRow[]; flow: PlanFlow; canChange: boolean; deletable?: boolean; bridgeable?: boolean; empty: string };

/** TAP devices, macvtaps or NICs: state, bridge, addresses and who uses them. */
export function LinkTable({ host, label, rows, flow, canChange, deletable = false, bridgeable = false, empty }: Props) {
  if (rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>;
  return (
    <table aria-label={label} className="w-full text-left text-sm">
      <thead className={head}>
        <tr>{["Name", "Kind", "State", "MAC", "Bridge", "Addresses", "Used by", ""].map((h) => <th key={h} scope="col" className="py-2 pr-4 font-medium">{h}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name} data-if={r.name} className={rowLine}>
            <td className={`${cell} font-mono font-medium`}>{r.name}</td>
            <td className={cell}>{r.kind}</td>
            <td className={cell}>{r.up ? "up" : "down"}{r.operstate && r.operstate !== "UNKNOWN" ? ` (${r.operstate.toLowerCase()})` : ""}</td>
            <td className={`${cell} font-mono`}>{r.mac ?? ""}</td>
            <td className={`${cell} font-mono`}>{r.master ?? ""}</td>
            <td className={`${cell} font-mono`}>{r.addresses.join(", ")}</td>
            <td className={cell}><UsesCell uses={r.uses} /></td>
            <td className={`${cell} space-x-2 whitespace-nowrap`}>
              {canChange && r.master ? (
                <button type="button" className={button} disabled={flow.busy} aria-label={`Remove ${r.name} from ${r.master}`}
                  onClick={() => flow.ask(() => planHostInterfaceChange({ host, change: "remove-port", port: r.name }))}>Remove from bridge</button>
              ) : null}
              {canChange && bridgeable && !r.master && r.addresses.length > 0 ? <BridgeNicForm host={host} nic={r.name} flow={flow} /> : null}
              {canChange && deletable ? (
                <button type="button" className={dangerButton} disabled={flow.busy} aria-label={`Delete TAP ${r.name}`}
                  onClick={() => flow.ask(() => planHostInterfaceChange({ host, change: "delete-tap", name: r.name }))}>Delete</button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
