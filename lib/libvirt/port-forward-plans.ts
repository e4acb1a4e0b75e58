import "server-only";
import { LIBVIRT_URI } from "./uri";
import type { PlanStep } from "@/lib/domain/plan";
import { APPLY_OP, buildHookScript, CHAINED_HOOK_PATH, HOOK_DIR, HOOK_MARKER, HOOK_PATH } from "./port-forward-hook";
import type { HookState } from "./port-forward-read";

// The host-side steps of a port-forward change, as argv. Scripts are fixed
// text; paths, names and documents arrive as positional arguments or stdin.

/** Writes the hook from stdin atomically (temp file + rename); a foreign hook is moved aside first, never overwritten. */
const INSTALL = `set -e
d=$1; f=$2; prev=$3; marker=$4
mkdir -p "$d"
if [ -e "$f" ] && ! grep -qF "$marker" "$f"; then
  [ -e "$prev" ] && { echo "$prev already exists; not moving $f over it" >&2; exit 1; }
  mv -- "$f" "$prev"
fi
t=$(mktemp "$d/.network.XXXXXX")
cat > "$t"
chmod 755 "$t"
mv -f -- "$t" "$f"`;

/** Undo of a fresh install: our hook goes, a hook we moved aside comes back. */
const UNINSTALL = `f=$1; prev=$2; marker=$3
if [ -e "$f" ] && grep -qF "$marker" "$f"; then rm -f -- "$f"; fi
if [ -e "$prev" ] && [ ! -e "$f" ]; then mv -- "$prev" "$f"; fi
exit 0`;

/**
 * libvirtd looks for hook scripts only when it starts (seen on the lab: a hook
 * written while it runs is never called). Restart it the way it was started:
 * through systemd when systemd runs it, otherwise with the argv of the running
 * daemon (read from /proc, so a libvirtd started with its own pidfile comes
 * back with it). Guests and networks keep running across a libvirtd restart.
 */
const RESTART = `set -e
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
  for u in libvirtd virtnetworkd; do
    if systemctl is-active --quiet "$u"; then systemctl restart "$u"; exec sh -c 'for i in $(seq 60); do virsh -c ${LIBVIRT_URI} version >/dev/null 2>&1 && exit 0; sleep 0.5; done; exit 1'; fi
  done
fi
pid=
for f in /run/libvirt/libvirtd.pid /run/libvirtd.pid /var/run/libvirtd.pid; do [ -r "$f" ] && pid=$(cat "$f") && break; done
case $pid in ''|*[!0-9]*) echo "cannot find the running libvirtd (no pidfile)" >&2; exit 1;; esac
args=$(mktemp)
tr '\\0' '\\n' < "/proc/$pid/cmdline" > "$args"
set --
while IFS= read -r a; do set -- "$@" "$a"; done < "$args"
rm -f "$args"
daemon=no
for a in "$@"; do case $a in -d|--daemon) daemon=yes;; esac; done
[ $daemon = yes ] || set -- "$@" -d
kill -TERM "$pid"
for i in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && { echo "libvirtd ($pid) did not stop" >&2; exit 1; }
"$@" </dev/null >/dev/null 2>&1
for i in $(seq 60); do virsh -c ${LIBVIRT_URI} version >/dev/null 2>&1 && exit 0; sleep 0.5; done
echo "libvirtd did not answer after its restart" >&2; exit 1`;

export function installHookSteps(state: HookState, currentText: string): PlanStep[] {
  if (state === "current") return [];
  const script = buildHookScript();
  const install: PlanStep = {
    title:
      state === "foreign"
        ? `Install Switchyard's network hook at ${HOOK_PATH}; the hook already there moves to ${CHAINED_HOOK_PATH} and is still run after it`
        : state === "outdated"
          ? `Update Switchyard's network hook at ${HOOK_PATH}`
          : `Install Switchyard's network hook at ${HOOK_PATH} (shown below)`,
    argv: ["sh", "-c", INSTALL, "sh", HOOK_DIR, HOOK_PATH, CHAINED_HOOK_PATH, HOOK_MARKER],
    stdin: script,
    undo:
      state === "outdated"
        ? { title: "Put the previous version back", argv: ["sh", "-c", INSTALL, "sh", HOOK_DIR, HOOK_PATH, CHAINED_HOOK_PATH, HOOK_MARKER], stdin: currentText }
        : { title: "Remove the hook (and put back the one that was there)", argv: ["sh", "-c", UNINSTALL, "sh", HOOK_PATH, CHAINED_HOOK_PATH, HOOK_MARKER] },
  };
  // A hook file that already existed was found by libvirtd when it started; only a new one needs a restart.
  if (state !== "absent") return [install];
  return [install, { title: "Restart libvirtd so it finds the new hook (running guests and networks keep running)", argv: ["sh", "-c", RESTART] }];
}

/** Runs the hook's apply step with this network XML (the rules it should hold now). */
export function applyStep(networkName: string, xml: string, previousXml: string): PlanStep {
  return {
    title: "Apply the network's port forwards now (the hook, with the new definition)",
    argv: [HOOK_PATH, networkName, APPLY_OP, "begin", "-"],
    stdin: xml,
    undo: { title: "Apply the previous forwards again", argv: [HOOK_PATH, networkName, APPLY_OP, "begin", "-"], stdin: previousXml },
  };
}
