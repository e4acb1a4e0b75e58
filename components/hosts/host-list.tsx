"use client";

import type { HostSummary } from "@/lib/domain/host/status";
import { HostRow } from "./host-row";

const head = "px-3 py-2 text-left font-medium";

export function HostList({ hosts, canAdmin }: { hosts: HostSummary[]; canAdmin: boolean }) {
  if (hosts.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No hosts yet.{canAdmin ? " Add the first one below." : " An admin can add them."}</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Hosts, with each host&apos;s live status</caption>
        <thead className="text-zinc-600 dark:text-zinc-400">
          <tr>
            <th scope="col" className={head}>Host</th>
            <th scope="col" className={head}>Status</th>
            <th scope="col" className={head}>libvirt</th>
            <th scope="col" className={head}>QEMU</th>
            <th scope="col" className={`${head} text-right`}>Networks</th>
            <th scope="col" className={`${head} text-right`}>VMs</th>
            <th scope="col" className={head}>Last seen</th>
          </tr>
        </thead>
        <tbody>
          {hosts.map((host) => (
            <HostRow key={host.id} host={host} canAdmin={canAdmin} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
