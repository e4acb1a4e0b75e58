import { LIBVIRT_URI } from "@/lib/libvirt/uri";
import { DOMAIN_TAG, NETWORK_TAG, READY_LINE } from "./event-lines";

// The one fixed script a host runs for its event subscription. It is sent as
// argv (`sh -c SCRIPT sy-events`): nothing in it comes from users.
//
// Why a script and not two plain execs: a virsh event loop only notices that
// its reader is gone when it next writes, so after a disconnect it would linger
// on the host until the next libvirt event (possibly forever). The transport
// runs this on a pty: when the channel closes or the connection dies, sshd
// closes the pty and the kernel hangs up the session, sending SIGHUP to its
// foreground process group, which is all of this script (a non-interactive sh
// has no job control, so its background loops stay in its group). As a second
// line, the main shell blocks reading stdin; EOF or an error there runs
// `kill 0`, which ends the same group and nothing else on the host.
//
// The other direction matters as much: when either loop ends (libvirtd
// restarted or stopped; virsh exits on a closed connection), the script ends
// too, the channel closes, and the watcher reconnects and resyncs.
//
// Readiness: `virsh version` first, so a stopped libvirtd fails the script at
// once with virsh's own message. Then the loops start, and "ready" is printed
// once both virsh processes (found in our own process group) hold a socket,
// i.e. are connected to libvirtd, plus 0.1 s for the callback registration
// that follows the connect. Only then may the resync read that follows
// "ready" happen: a change made before registration would otherwise be lost.
// Without pgrep the wait degrades to a fixed second. If either virsh fails to
// connect meanwhile, `kill 0` ends the script before "ready" is printed.
//
// $1 is the owner tag (this server's host name and pid), exported to both virsh
// processes as SY_EVENTS_OWNER, so `ps e` on a host shows whose loops they are
// and a test can tell its own processes from another server's.
export const EVENT_SCRIPT = [
  "owner=$1",
  `env LC_ALL=C virsh -q -c ${LIBVIRT_URI} version >/dev/null || exit 3`,
  "loop() {",
  "  tag=$1; shift",
  `  env LC_ALL=C SY_EVENTS_OWNER="$owner" virsh -c ${LIBVIRT_URI} "$@" | while IFS= read -r line; do printf '%s%s\\n' "$tag" "$line"; done`,
  "  kill 0",
  "}",
  `loop '${NETWORK_TAG}' net-event --event lifecycle --loop --timestamp &`,
  `loop '${DOMAIN_TAG}' event --all --loop --timestamp &`,
  "connected() {",
  "  n=0",
  "  for p in $(pgrep -g 0 -x virsh); do ls -l /proc/$p/fd 2>/dev/null | grep -q 'socket:' && n=$((n + 1)); done",
  "  echo $n",
  "}",
  "if command -v pgrep >/dev/null; then",
  "  i=0",
  "  while [ \"$(connected)\" -lt 2 ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done",
  "  sleep 0.1",
  "else",
  "  sleep 1",
  "fi",
  `echo '${READY_LINE}'`,
  "cat >/dev/null",
  "kill 0",
].join("\n");

/** Name the script runs under ($0), so `ps` on a host shows what it is. */
export const EVENT_SCRIPT_NAME = "sy-events";

const OWNER = /^[A-Za-z0-9_.:-]{1,64}$/;

/** This process's owner tag: host name and pid, reduced to safe characters. */
export function defaultOwner(): string {
  const host = (process.env.HOSTNAME ?? "node").replace(/[^A-Za-z0-9_.-]/g, "").slice(0, 40) || "node";
  return `${host}:${process.pid}`;
}

export function eventScriptArgv(owner = defaultOwner()): string[] {
  if (!OWNER.test(owner)) throw new TypeError(`not an owner tag: ${JSON.stringify(owner)}`);
  return ["sh", "-c", EVENT_SCRIPT, EVENT_SCRIPT_NAME, owner];
}
