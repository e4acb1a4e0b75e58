"use client";

import Link from "next/link";
import type { HostSummary } from "@/lib/domain/host/status";
import { LastSeen } from "./last-seen";
import { StatusBadge } from "./status-badge";
import { StatusDetail } from "./status-detail";
import { useHostStatus } from "./use-host-status";
import { hostHref } from "@/lib/routes";

const cell = "px-3 py-2 align-top";

/** One host: drawn at once from the store, filled in when its own status query answers. */
export function HostRow({ host, canAdmin }: { host: HostSummary; canAdmin: boolean }) {
  const { data: status, error, isPending } = useHostStatus(host.id);
  const dash = isPending ? "…" : "—";
  return (
    <tr data-host={host.name} aria-busy={isPending} className="border-t border-zinc-200 dark:border-zinc-800">
      <td className={cell}>
        <Link href={hostHref(host.name)} className="font-medium text-brand-600 hover:underline dark:text-brand-500">
          {host.name}
        </Link>
        <div className="text-xs text-zinc-500">{`${host.username}@${host.address}${host.port === 22 ? "" : `:${host.port}`}`}</div>
      </td>
      <td className={cell} data-column="status">
        <StatusBadge state={status?.state ?? (error ? "error" : "checking")} />
        {status ? <StatusDetail status={status} hostName={host.name} canAdmin={canAdmin} /> : null}
        {error ? <p className="mt-1 text-xs text-red-700 dark:text-red-400">{error.message}</p> : null}
      </td>
      <td className={cell} data-column="libvirt">{status?.versions?.libvirt ?? dash}</td>
      <td className={cell} data-column="qemu">{status?.versions?.qemu ?? dash}</td>
      <td className={`${cell} text-right tabular-nums`} data-column="networks">{status?.counts?.networks ?? dash}</td>
      <td className={`${cell} text-right tabular-nums`} data-column="vms">{status?.counts?.vms ?? dash}</td>
      <td className={cell} data-column="last-seen"><LastSeen at={status?.lastSeenAt ?? host.lastSeenAt} /></td>
    </tr>
  );
}
