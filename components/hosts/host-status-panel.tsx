"use client";

import { LastSeen } from "./last-seen";
import { StatusBadge } from "./status-badge";
import { StatusDetail } from "./status-detail";
import { useHostStatus } from "./use-host-status";

const term = "text-zinc-500 dark:text-zinc-400";

/** The live half of the host page: the same query the host list uses. */
export function HostStatusPanel({ hostId, hostName, canAdmin, lastSeenAt }: { hostId: string; hostName: string; canAdmin: boolean; lastSeenAt: string | null }) {
  const { data: status, error } = useHostStatus(hostId);
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
      <dt className={term}>Status</dt>
      <dd>
        <StatusBadge state={status?.state ?? (error ? "error" : "checking")} />
        {status ? <StatusDetail status={status} hostName={hostName} canAdmin={canAdmin} /> : null}
        {error ? <p className="text-xs text-red-700 dark:text-red-400">{error.message}</p> : null}
      </dd>
      <dt className={term}>libvirt</dt>
      <dd>{status?.versions?.libvirt ?? "—"}</dd>
      <dt className={term}>QEMU</dt>
      <dd>{status?.versions?.qemu ?? "—"}</dd>
      <dt className={term}>Networks</dt>
      <dd>{status?.counts?.networks ?? "—"}</dd>
      <dt className={term}>VMs</dt>
      <dd>{status?.counts?.vms ?? "—"}</dd>
      <dt className={term}>Last seen</dt>
      <dd><LastSeen at={status?.lastSeenAt ?? lastSeenAt} /></dd>
    </dl>
  );
}
