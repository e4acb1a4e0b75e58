import type { DnsHost } from "@/lib/domain/network";
import { smallButton } from "@/components/ui";

/** The network's DNS host records, each removable live. */
export function DnsRecords({ records, canChange, busy, onRemove }: { records: DnsHost[]; canChange: boolean; busy: boolean; onRemove: (r: DnsHost) => void }) {
  if (records.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No host records.</p>;
  return (
    <table aria-label="DNS host records" className="w-full text-left text-sm">
      <thead><tr className="border-b border-zinc-200 dark:border-zinc-800"><th className="py-1">IP</th><th>Host names</th><th /></tr></thead>
      <tbody>
        {records.map((r) => (
          <tr key={r.ip} data-ip={r.ip} className="border-b border-zinc-100 dark:border-zinc-900">
            <td className="py-1 font-mono">{r.ip}</td>
            <td>{r.hostnames.join(", ")}</td>
            <td className="text-right">
              {canChange ? <button type="button" className={smallButton} disabled={busy} onClick={() => onRemove(r)} aria-label={`Remove DNS record ${r.ip}`}>Remove</button> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
