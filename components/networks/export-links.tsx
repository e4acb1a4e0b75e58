import type { SnapshotNetwork } from "@/lib/domain/host/snapshot";

const link = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Downloads: the network's XML, and a script of virsh commands that recreates it elsewhere. */
export function ExportLinks({ host, network }: { host: string; network: SnapshotNetwork }) {
  const base = `/hosts/${encodeURIComponent(host)}/networks/${encodeURIComponent(network.name)}/export?uuid=${network.uuid}`;
  return (
    <>
      <a href={`${base}&format=xml`} download className={link}>Export XML</a>
      <a href={`${base}&format=sh`} download className={link}>Export script</a>
    </>
  );
}
