// Faults that rollback tests switch on and off.
// autostart: `virsh net-autostart` creates a symlink in the host's
// /etc/libvirt/qemu/networks/autostart; an immutable directory makes that (and --disable)
// fail with a real libvirt error.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { labHost, labRoot } from "./hosts";
import { run } from "./exec";

export type FaultKind = "autostart";

export async function fault(host: string, kind: FaultKind, on: boolean): Promise<void> {
  if (kind !== "autostart") throw new Error(`lab: unknown fault ${JSON.stringify(kind)}`);
  if (!labHost(host).up) throw new Error(`lab: ${host} is not an up host`);
  // The host's /etc/libvirt is this directory, bind-mounted (lab/lib/mounts.sh).
  const dir = path.join(labRoot(), ".lab", host, "libvirt", "etc", "qemu", "networks", "autostart");
  mkdirSync(dir, { recursive: true });
  const res = await run(["chattr", on ? "+i" : "-i", dir]);
  if (res.code !== 0) throw new Error(`lab: chattr on ${dir} failed: ${res.stderr.trim()}`);
}
