import type { DhcpLease } from "@/lib/domain/host/snapshot";
import { smallButton } from "@/components/ui";

/** Current leases (`net-dhcp-leases`), each with "Reserve" unless it is already a static host. */
export function LeasesTable({ leases, reserved, canChange, busy, onReserve }: {
  leases: DhcpLease[];
  reserved: (lease: DhcpLease) => boolean;
  canChange: boolean;
  busy: boolean;
  onReserve: (lease: DhcpLease) => void;
}) {
  if (leases.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No current leases.</p>;
  return (
    <table aria-label="Current leases" className="w-full text-left text-sm">
      <thead><tr className="border-b border-zinc-200 dark:border-zinc-800"><th className="py-1">MAC</th><th>IP</th><th>Hostname</th><th>Expires</th><th /></tr></thead>
      <tbody>
        {leases.map((l) => (
          <tr key={`${l.mac}-${l.ip}`} data-mac={l.mac} className="border-b border-zinc-100 dark:border-zinc-900">
            <td className="py-1 font-mono">{l.mac}</td>
            <td className="font-mono">{l.ip}/{l.prefix}</td>
            <td>{l.hostname ?? "—"}</td>
            <td>{l.expiry}</td>
            <td className="text-right">
              {reserved(l) ? <span className="text-xs text-zinc-500">Reserved</span>
                : canChange && l.family === "ipv4" ? <button type="button" className={smallButton} disabled={busy} onClick={() => onReserve(l)} aria-label={`Reserve ${l.ip} for ${l.mac}`}>Reserve</button> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
