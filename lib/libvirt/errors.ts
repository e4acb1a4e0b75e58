import "server-only";
import { CommandFailed, SshError } from "@/lib/ssh/errors";
import { LIBVIRT_URI } from "./uri";
// Whoever judges a failure by these kinds gets virsh's failure classifier
// registered with the transport (virsh.ts does it when it loads).
import "./virsh";

// libvirt's own failures, and the reading of virsh's stderr (always LC_ALL=C)
// into them. virsh exits 1 for everything, so the message is the only signal
// there is. The transport asks this module through the classifier that
// virsh.ts registers; it knows nothing of virsh itself.

export class LibvirtUnavailable extends SshError {
  readonly kind = "libvirt-unavailable";
  /** not-running: nothing listens on the socket; not-responding: libvirtd took the call but never answered. */
  constructor(host: string, readonly reason: "not-running" | "not-responding", readonly stderr: string) {
    super(
      host,
      reason === "not-running"
        ? `libvirtd is not running on ${host}`
        : `libvirtd on ${host} is not responding (hung or overloaded)`,
    );
  }
}

export class PermissionDenied extends SshError {
  readonly kind = "permission-denied";
  constructor(host: string, readonly username: string, readonly stderr: string) {
    super(host, `${username} may not use ${LIBVIRT_URI} on ${host}: ${username} is not in the libvirt group`);
  }
}

const NOT_RUNNING = [
  // Socket missing (libvirtd stopped cleanly) or stale (it died): nobody listens.
  /Failed to connect socket to '[^']*': (No such file or directory|Connection refused)/,
  /Failed to connect socket to '[^']*': Connection reset by peer/,
  // The daemon went away in the middle of a call.
  /End of file while reading data/,
  /Cannot recv data: Connection reset by peer/,
  /client socket is closed/,
];
const NOT_RESPONDING = [/connection closed due to keepalive timeout/];
const DENIED = [
  /Failed to connect socket to '[^']*': Permission denied/,
  /authentication unavailable: no polkit agent/,
  /access denied/i,
  /authentication failed: access denied/,
];

export interface VirshFailure {
  host: string;
  username: string;
  argv: readonly string[];
  code: number | null;
  stderr: string;
}

/** The typed error for a virsh command that exited non-zero. */
export function virshFailure(failure: VirshFailure): SshError {
  const { host, username, argv, code, stderr } = failure;
  if (DENIED.some((re) => re.test(stderr))) return new PermissionDenied(host, username, stderr);
  if (NOT_RUNNING.some((re) => re.test(stderr))) return new LibvirtUnavailable(host, "not-running", stderr);
  if (NOT_RESPONDING.some((re) => re.test(stderr))) return new LibvirtUnavailable(host, "not-responding", stderr);
  return new CommandFailed(host, argv, code, stderr);
}

/**
 * A virsh command killed by the remote `timeout`. virsh's connect has no timeout
 * of its own: against a hung (SIGSTOPped, deadlocked) libvirtd the kernel still
 * accepts the socket and virsh waits forever for the reply, so a virsh that runs
 * out of time means the daemon did not answer.
 */
export function virshTimedOut(host: string, stderr: string): LibvirtUnavailable {
  return new LibvirtUnavailable(host, "not-responding", stderr);
}
