import type { DhcpHost } from "@/lib/domain/network";
import { smallButton } from "@/components/ui";

/** The network's static DHCP hosts (reservations), each removable. */
export function StaticHosts({ hosts, canChange, busy, onRemove }: { hosts: DhcpHost[]; canChange: boolean; busy: boolean; onRemove: (h: DhcpHost) => void }) {
  if (hosts.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No static hosts.</p>;
  return (
    <table aria-label="Static hosts" className="w-full text-left text-sm">
      <thead><tr className="border-b border-zinc-200 dark:border-zinc-800"><th className="py-1">MAC or DUID</th><th>Name</th><th>IP</th><th /></tr></thead>
      <tbody>
        {hosts.map((h) => (
          <tr key={`${h.mac ?? h.id ?? h.name}-${h.ip}`} data-ip={h.ip} className="border-b border-zinc-100 dark:border-zinc-900">
            <td className="py-1 font-mono">{h.mac ?? h.id ?? "—"}</td>
            <td>{h.name ?? "—"}</td>
            <td className="font-mono">{h.ip}</td>
            <td className="text-right">
              {canChange ? <button type="button" className={smallButton} disabled={busy} onClick={() => onRemove(h)} aria-label={`Remove static host ${h.ip}`}>Remove</button> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
