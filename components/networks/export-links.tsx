import type { SnapshotNetwork } from "@/lib/domain/host/snapshot";
import { networkExportHref } from "@/lib/routes";

const link = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Downloads: the network's XML, and a script of virsh commands that recreates it elsewhere. */
export function ExportLinks({ host, network }: { host: string; network: SnapshotNetwork }) {
  return (
    <>
      <a href={networkExportHref(host, network.name, network.uuid, "xml")} download className={link}>Export XML</a>
      <a href={networkExportHref(host, network.name, network.uuid, "sh")} download className={link}>Export script</a>
    </>
  );
}
