import { readFileSync } from "node:fs";
import path from "node:path";
import { labExec, labHost, labRoot } from "@/lab/index";
import type { SshTarget } from "@/lib/ssh";

// Reaching lab hosts from the events tests: an SshTarget straight from
// .lab/hosts.json (no store needed), and virsh run inside a host's namespaces
// without SSH, for out-of-band changes.

export function labTarget(name: string): SshTarget {
  const host = labHost(name);
  return {
    id: name,
    address: host.address,
    port: host.port,
    username: host.user,
    auth: { kind: "key", privateKey: readFileSync(path.join(labRoot(), host.privateKeyPath), "utf8") },
    pinnedFingerprint: host.hostKeyFingerprint,
  };
}

/** virsh on a lab host; throws with virsh's message when it fails. */
export async function labVirsh(host: string, args: string[]): Promise<string> {
  const result = await labExec(host, ["virsh", "-q", "-c", "qemu:///system", ...args]);
  if (result.code !== 0) throw new Error(`virsh ${args.join(" ")} on ${host}: ${result.stderr.trim()}`);
  return result.stdout;
}
