import "server-only";
import type { ActionResult } from "@/lib/actions/result";
import { fail } from "@/lib/actions/result";
import { uuidList } from "@/lib/domain/host/snapshot-sections";
import { runBatch } from "@/lib/ssh";
import { virshArgv } from "@/lib/libvirt/virsh";
import { withHost } from "./host-read";
import { recreateScript } from "./export-script";

export type ExportFile = { filename: string; contentType: string; body: string };

/**
 * Reads the network's persistent XML and its state in one exec (a batch: all
 * by UUID), and returns the XML file or the recreate script.
 */
export async function exportNetwork(hostName: string, uuid: string, format: "xml" | "sh"): Promise<ActionResult<ExportFile>> {
  const read = await withHost(hostName, async (host, target) => {
    const [dump, active, autostart] = await runBatch(target, [
      virshArgv("net-dumpxml", ["--inactive"], [uuid]),
      virshArgv("net-list", ["--uuid"]),
      virshArgv("net-list", ["--all", "--autostart", "--uuid"]),
    ]);
    if (dump!.error) throw dump!.error;
    return { host, xml: dump!.stdout, active: uuidList(active!.stdout).includes(uuid), autostart: uuidList(autostart!.stdout).includes(uuid) };
  });
  if (!read.ok) return read;
  const { host, xml, active, autostart } = read.data;
  const name = /<name>([^<]*)<\/name>/.exec(xml)?.[1];
  if (name === undefined) return fail("invalid", "The host returned no network XML.");
  // The file name is ASCII-safe; the real name is inside the file.
  const base = `${host.name}-${uuid.slice(0, 8)}`.replace(/[^A-Za-z0-9._-]/g, "_");
  if (format === "xml") return { ok: true, data: { filename: `${base}.xml`, contentType: "application/xml; charset=utf-8", body: xml } };
  const decoded = name.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const body = recreateScript({ name: decoded, host: host.name, xml, active, autostart });
  return { ok: true, data: { filename: `${base}.sh`, contentType: "text/x-shellscript; charset=utf-8", body } };
}
