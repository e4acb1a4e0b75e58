"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { networkHref } from "@/lib/routes";
import { SortableHeader, type SortState } from "./sortable-header";
import { sortRows, type FleetRow, type SortKey } from "./sort-rows";

/** An empty cell reads as "none", not as "still loading". */
const orNone = (text: string) => text || "—";
// Not snapshot-rows' yesNo: importing that module would bring the domain's network model (and zod) into the lists' bundle.
const yesNo = (value: boolean) => (value ? "Yes" : "No");


const COLUMNS: [SortKey, string][] = [
  ["name", "Name"],
  ["state", "State"],
  ["autostart", "Autostart"],
  ["persistent", "Persistent"],
  ["bridge", "Bridge"],
  ["forwarding", "Forwarding"],
  ["ipv4", "IPv4"],
  ["ipv6", "IPv6"],
  ["dhcp", "DHCP range"],
  ["vms", "VMs"],
];

const cell = "py-2 pr-4 align-top";

function StateBadge({ state }: { state: string }) {
  const on = state === "Active";
  const tone = on ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-300" : "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300";
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${tone}`}>{state}</span>;
}

/** The networks table; with `showHost` it is the fleet's, with a Host column. */
export function NetworkTable({ rows, showHost = false, extraRows }: { rows: FleetRow[]; showHost?: boolean; extraRows?: React.ReactNode }) {
  const [sort, setSort] = useState<SortState<SortKey>>({ key: showHost ? "host" : "name", dir: "asc" });
  const sorted = useMemo(() => sortRows(rows, sort.key, sort.dir), [rows, sort]);
  const columns: [SortKey, string][] = showHost ? [["host", "Host"], ...COLUMNS] : COLUMNS;
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-zinc-200 text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          <tr className="[&>th:first-child]:pl-4">
            {columns.map(([key, label]) => <SortableHeader key={key} label={label} column={key} sort={sort} onSort={setSort} />)}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={`${r.host}/${r.uuid}`} data-uuid={r.uuid} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800 [&>td:first-child]:pl-4">
              {showHost ? <td className={cell}>{r.host}</td> : null}
              <td className={`${cell} font-medium`}>
                <Link href={networkHref(r.host, r.name)} className="text-brand-600 hover:underline dark:text-brand-500">{r.name}</Link>
              </td>
              <td className={cell}><StateBadge state={r.state} /></td>
              <td className={cell}>{yesNo(r.autostart)}</td>
              <td className={cell}>{yesNo(r.persistent)}</td>
              <td className={`${cell} font-mono`}>{orNone(r.bridge)}</td>
              <td className={cell}>{r.forwarding}</td>
              <td className={`${cell} font-mono`}>{orNone(r.ipv4)}</td>
              <td className={`${cell} font-mono`}>{orNone(r.ipv6)}</td>
              <td className={cell}>{r.dhcp}</td>
              <td className={`${cell} tabular-nums`}>{r.vms}</td>
            </tr>
          ))}
          {extraRows}
        </tbody>
      </table>
    </div>
  );
}
