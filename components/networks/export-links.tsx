import type { SnapshotNetwork } from "@/lib/domain/host/snapshot";
import { networkExportHref } from "@/lib/routes";
import { secondaryButton } from "@/components/ui";

/** Downloads: the network's XML, and a script of virsh commands that recreates it elsewhere. */
export function ExportLinks({ host, network }: { host: string; network: SnapshotNetwork }) {
  return (
    <>
      <a href={networkExportHref(host, network.name, network.uuid, "xml")} download className={secondaryButton}>Export XML</a>
      <a href={networkExportHref(host, network.name, network.uuid, "sh")} download className={secondaryButton}>Export script</a>
    </>
  );
}
