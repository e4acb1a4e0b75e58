import "server-only";
import { CommandFailed, LibvirtUnavailable, PermissionDenied, type SshError } from "@/lib/ssh/errors";

// Reading virsh's stderr (always LC_ALL=C) into the errors callers can act on.
// virsh exits 1 for everything, so the message is the only signal there is.

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
