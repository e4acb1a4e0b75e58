import type { AuditRow } from "@/lib/db/schema";
import { AuditEntryRow } from "./audit-entry-row";

const columns = ["When", "Who", "Host", "Action", "Target", "Commands and XML", "Result"];

export function AuditTable({ entries }: { entries: AuditRow[] }) {
  if (entries.length === 0) return <p className="text-sm text-zinc-500">Nothing has been recorded yet.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="border-b border-zinc-200 text-zinc-500 dark:border-zinc-800">
        <tr>
          {columns.map((c) => (
            <th key={c} className="py-2 pr-4 font-medium">{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <AuditEntryRow key={e.id} entry={e} />
        ))}
      </tbody>
    </table>
  );
}
