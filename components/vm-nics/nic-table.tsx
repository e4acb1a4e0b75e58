"use client";

import { planNicLink, planNicRemove } from "@/app/hosts/[host]/vms/actions";
import { PRESENCE_TEXT, type VmNicRow } from "@/lib/domain/interfaces/vm-nic-state";
import { button, cell, dangerButton, head, rowLine } from "@/components/interfaces/styles";
import type { PlanFlow } from "@/components/interfaces/use-plan-flow";
import { NicAddresses } from "@/components/vm-addresses/nic-addresses";

// A running guest's NIC on a bridge network reads as type='bridge' with its network still named: say both, with its portgroup and VLAN.
const portgroupText = (n: VmNicRow["nic"]) => `${n.portgroup ? `, portgroup ${n.portgroup}` : ""}${n.vlan ? `, VLAN ${n.vlan}` : ""}`;
const sourceText = (n: VmNicRow["nic"]) =>
  n.type === "network" || n.network ? `network ${n.network ?? "?"}${n.bridge ? ` (${n.bridge})` : ""}${portgroupText(n)}`
  : n.type === "bridge" ? `bridge ${n.bridge ?? "?"}`
  : n.type === "direct" ? `macvtap on ${n.sourceDev ?? "?"} (${n.sourceMode ?? "vepa"})`
  : n.type;

type Props = { host: string; uuid: string; rows: VmNicRow[]; flow: PlanFlow; canChange: boolean };

/** The guest's NICs, live and persistent side by side, with remove and link state. */
export function NicTable({ host, uuid, rows, flow, canChange }: Props) {
  if (rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">This VM has no network interfaces.</p>;
  return (
    <table aria-label="Network interfaces" className="w-full text-left text-sm">
      <thead className={head}>
        <tr>{["MAC", "Source", "Model", "Device", "Link", "Addresses", "Status", ""].map((h) => <th key={h} scope="col" className="py-2 pr-4 font-medium">{h}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map(({ mac, nic, presence }) => (
          <tr key={mac} data-mac={mac} data-presence={presence} className={rowLine}>
            <td className={`${cell} font-mono`}>{mac}</td>
            <td className={cell}>{sourceText(nic)}</td>
            <td className={cell}>{nic.model ?? ""}</td>
            <td className={`${cell} font-mono`}>{nic.target ?? ""}</td>
            <td className={cell} data-column="link">{nic.linkState}</td>
            <td className={cell}><NicAddresses nic={nic} /></td>
            <td className={cell} data-column="status">{PRESENCE_TEXT[presence]}</td>
            <td className={`${cell} space-x-2 whitespace-nowrap`}>
              {canChange && presence !== "removal-pending" ? (
                <>
                  <button type="button" className={button} disabled={flow.busy} aria-label={`Set link ${nic.linkState === "up" ? "down" : "up"} on ${mac}`}
                    onClick={() => flow.ask(() => planNicLink({ host, uuid, mac, state: nic.linkState === "up" ? "down" : "up" }))}>
                    {nic.linkState === "up" ? "Set link down" : "Set link up"}
                  </button>
                  <button type="button" className={dangerButton} disabled={flow.busy} aria-label={`Remove ${mac}`}
                    onClick={() => flow.ask(() => planNicRemove({ host, uuid, mac }))}>Remove</button>
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
