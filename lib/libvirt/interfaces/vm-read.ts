import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { runCommand, type SshTarget } from "@/lib/ssh";
import { virshArgv } from "@/lib/libvirt/virsh";
import { parseDomainXml } from "@/lib/domain/host/snapshot-domain";
import type { ConfigNic } from "@/lib/domain/interfaces/vm-nic-state";

// What the host snapshot does not hold for a guest: its persistent definition
// (the snapshot has the live XML of a running guest), and which of its NICs an
// operator already asked to remove, so a NIC still in the running guest is
// shown as a pending removal rather than as a mystery.

/** The NICs of `virsh dumpxml --inactive`: what the guest gets at its next start. */
export async function readConfigNics(target: SshTarget, uuid: string): Promise<ConfigNic[]> {
  const result = await runCommand(target, virshArgv("dumpxml", ["--inactive"], [uuid]));
  return parseDomainXml(result.stdout)?.interfaces ?? [];
}

/** MACs of this guest whose removal ran successfully from the console (audit log). */
export async function removalsAsked(hostId: string, vmName: string): Promise<Set<string>> {
  const db = await getDb();
  const rows = await db
    .select({ target: auditLog.target })
    .from(auditLog)
    .where(and(eq(auditLog.hostId, hostId), eq(auditLog.action, "vm-nic.remove"), eq(auditLog.result, "ok")));
  const prefix = `${vmName} `;
  return new Set(rows.filter((r) => r.target.startsWith(prefix)).map((r) => r.target.slice(prefix.length)));
}
