import "server-only";
import { defineRemoteScript } from "@/lib/ssh";

// The fixed remote script behind every host read. One exec, one virsh process:
// virsh runs as an interactive shell fed through a FIFO, so the UUIDs it lists
// in phase 1 become the dump commands of phase 2 without a second connection
// (a second virsh costs a full connect, which the 1.2× budget cannot carry).
//
// Framing: every section starts with a marker line "<nonce>|<section>". The
// nonce is random per read and passed as $1, so no XML or name can forge one.
// virsh prints markers through its own `echo "<nonce>""|<section>"`: the two
// quoted halves join only in the output, never in the echoed command line, so
// virsh's prompt echo ("virsh # echo …") never looks like a marker.
//
// Names never travel through this script: networks and domains are addressed
// by the UUIDs virsh listed, and only strings shaped exactly like a UUID are
// ever written back into virsh's input.
//
// The transport wraps it in one framed section (lib/ssh/batch.ts); inside it,
// $1 is our own nonce (hex) and $2 the seconds virsh may run before it is killed (a hung
// libvirtd accepts the socket and never answers).
const BODY = `
snapshot() {
n=$1; limit=$2
LC_ALL=C; export LC_ALL
h='[0-9a-f]'; U="$h$h$h$h$h$h$h$h-$h$h$h$h-$h$h$h$h-$h$h$h$h-$h$h$h$h$h$h$h$h$h$h$h$h"
d=$(mktemp -d "\${TMPDIR:-/tmp}/switchyard.XXXXXXXX") || { printf '%s|fatal mktemp\\n' "$n"; return 1; }
# Cleaned up in the background, detached from our output, so the exec ends without waiting for rm.
trap 'rm -rf "$d" </dev/null >/dev/null 2>&1 &' EXIT
# Kernel facts in the background while virsh works; started before the FIFOs
# are opened so they hold none of their ends.
fact() { f=$1; shift; { printf '\\n%s|%s\\n' "$n" "$f"; "$@" 2>&1; printf '\\n%s|%s-exit %s\\n' "$n" "$f" "$?"; } >"$d/$f" & }
# \`ip -d -j addr\` lists every link with its details and its addresses: one process for both.
fact link ip -d -j addr
fact route ip -j route
fact route6 ip -6 -j route
fact bridge bridge -j link
if command -v virsh >/dev/null 2>&1 && mkfifo "$d/in" "$d/out"; then
  to=; command -v timeout >/dev/null 2>&1 && to="timeout -k 2 $limit"
  $to virsh -c qemu:///system <"$d/in" >"$d/out" 2>"$d/virsh.err" &
  vp=$!
  exec 3>"$d/in" 4<"$d/out"
  m() { printf 'echo "%s""|%s"\\n' "$n" "$1"; }
  # Phase 1: only the lists that decide what to dump. No \`version\`: it asks
  # the hypervisor and costs seconds on QEMU.
  { m nets; echo 'net-list --all --uuid'
    m nets-active; echo 'net-list --uuid'
    m doms; echo 'list --all --uuid'
    m phase2; } >&3
  # Phase 1 is read with sh's read, a byte per syscall: that is why it holds
  # only these three short lists (awk would read ahead and wait for input
  # that only comes after we answer).
  sec=; nets=; act=; doms=
  while IFS= read -r line <&4; do
    printf '%s\\n' "$line"
    case $line in *"$n|"*) sec=\${line#*"$n|"}; [ "$sec" = phase2 ] && break; continue;; esac
    line=\${line#"virsh # "}
    case $line in $U) case $sec in
      nets) nets="$nets $line";; nets-active) act="$act $line";; doms) doms="$doms $line";;
    esac;; esac
  done
  # Written from a child: a long list must not fill the FIFO while we are not yet reading.
  { for x in $nets; do m "net-xml $x"; echo "net-dumpxml $x"; done
    for x in $act; do m "leases $x"; echo "net-dhcp-leases $x"; done
    for x in $doms; do m "dom-xml $x"; echo "dumpxml $x"; done
    m nets-autostart; echo 'net-list --all --autostart --uuid'
    m nets-persistent; echo 'net-list --all --persistent --uuid'
    m doms-running; echo 'list --uuid --state-running'
    m doms-paused; echo 'list --uuid --state-paused'
    m doms-shutoff; echo 'list --all --uuid --state-shutoff'
    m virsh-end; } >&3 &
  exec 3>&-
  cat <&4
  exec 4<&-
  wait $vp; rc=$?
  printf '\\n%s|virsh-exit %s\\n' "$n" "$rc"
else
  printf '\\n%s|virsh-missing\\n' "$n"
  : >"$d/virsh.err"
fi
wait
# One cat for everything left: each fork is time the 1.2x budget does not have.
cat "$d/virsh.err" "$d/link" "$d/route" "$d/route6" "$d/bridge"
printf '\\n%s|done\\n' "$n"
}
sy_section snapshot snapshot "$@"
`;

export const SNAPSHOT_SCRIPT = defineRemoteScript("switchyard-snapshot", BODY);

