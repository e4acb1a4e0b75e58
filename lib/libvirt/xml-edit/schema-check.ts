import "server-only";
import { CommandFailed, runCommand, type SshTarget } from "@/lib/ssh";

// How an edit is checked with `net-define --validate` before anything is
// planned, without defining anything on the host.
//
// The alternatives, and why not:
// - virt-xml-validate needs xmllint (libxml2-utils), which libvirt hosts
//   often lack (the lab's do), and it wants a regular file, not stdin.
// - Defining a copy under a temporary name and UUID on the real libvirtd, then
//   undefining it: that is a real change on a shared host (lifecycle events,
//   a leftover network if the undefine never runs), and the copy must differ
//   from the edit (a network's bridge name may not be used twice), so what was
//   validated would not be what gets applied.
//
// Instead virsh runs against libvirt's test driver (test:///default): an
// in-memory hypervisor inside that one virsh process, gone when it exits. The
// same parser and the same network.rng check the exact document the operator
// wrote; the test driver's own "default" network is removed first so a
// network called "default" does not collide with it. Host-specific checks
// (a bridge already in use, a name taken) still happen at apply time, where
// the plan's `net-define --validate` on the real host refuses atomically.

const TEST_DRIVER_DEFINE = "net-destroy default; net-undefine default; net-define --validate /dev/stdin";

/** null when libvirt accepts the document; libvirt's own message when it does not. */
export async function libvirtSchemaRefusal(target: SshTarget, xml: string): Promise<string | null> {
  try {
    await runCommand(target, ["env", "LC_ALL=C", "virsh", "-q", "-c", "test:///default", TEST_DRIVER_DEFINE], { stdin: xml });
    return null;
  } catch (error) {
    if (error instanceof CommandFailed) return error.stderr.trim() || error.message;
    throw error;
  }
}
