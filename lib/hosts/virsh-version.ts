import type { HostVersions } from "@/lib/domain/host/status";

// `LC_ALL=C virsh version` prints, e.g.:
//   Compiled against library: libvirt 9.0.0
//   Using library: libvirt 9.0.0
//   Using API: QEMU 9.0.0
//   Running hypervisor: QEMU 7.2.0
//   Running against daemon: 9.0.0
// The daemon's version is the one that matters (it does the work); the
// library's is the fallback for older virsh that omits that line.

const VERSION = "([0-9]+(?:\\.[0-9]+)*)";

export function parseVirshVersion(stdout: string): HostVersions {
  const daemon = stdout.match(new RegExp(`^Running against daemon: ${VERSION}`, "m"))?.[1];
  const library = stdout.match(new RegExp(`^Using library: libvirt ${VERSION}`, "m"))?.[1];
  const qemu = stdout.match(new RegExp(`^Running hypervisor: QEMU ${VERSION}`, "m"))?.[1];
  return { libvirt: daemon ?? library ?? null, qemu: qemu ?? null };
}

/** Lines of `virsh … --uuid`: one UUID per object, so names (which may hold anything) are never parsed. */
export function countUuids(stdout: string): number {
  return stdout.split("\n").filter((line) => /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(line.trim())).length;
}
