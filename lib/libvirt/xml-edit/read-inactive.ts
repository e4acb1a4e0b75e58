import "server-only";
import { runCommand, type SshTarget } from "@/lib/ssh";
import { virshArgv } from "@/lib/libvirt/virsh";

/**
 * The persistent definition, exactly as virsh prints it. The XML editor
 * compares this text with what it loaded to notice out-of-band edits, so it
 * is returned untouched (no trimming, no re-formatting).
 */
export async function readInactiveXml(target: SshTarget, uuid: string): Promise<string> {
  const result = await runCommand(target, virshArgv("net-dumpxml", ["--inactive"], [uuid]));
  return result.stdout;
}
