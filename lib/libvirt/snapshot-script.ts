import "server-only";

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
// $1 nonce (hex), $2 seconds virsh may run before it is killed (a hung
// libvirtd accepts the socket and never answers).
export const SNAPSHOT_SCRIPT = `
n=$1; limit=$2
LC_ALL=C; export LC_ALL
h='[0-9a-f]'; U="$h$h$h$h$h$h$h$h-$h$h$h$h-$h$h$h$h-$h$h$h$h-$h$h$h$h$h$h$h$h$h$h$h$h"
d=$(mktemp -d "\${TMPDIR:-/tmp}/switchyard.XXXXXXXX") || { printf '%s|fatal mktemp\\n' "$n"; exit 1; }
trap 'rm -rf "$d"' EXIT
# Kernel facts in the background while virsh works; started before the FIFOs
# are opened so they hold none of their ends.
fact() { f=$1; shift; { "$@" >"$d/$f" 2>&1; echo $? >"$d/$f.rc"; } & }
fact link ip -d -j link
fact addr ip -j addr
fact route ip -j route
fact route6 ip -6 -j route
fact bridge bridge -j link
if command -v virsh >/dev/null 2>&1 && mkfifo "$d/in" "$d/out"; then
  to=; command -v timeout >/dev/null 2>&1 && to="timeout -k 2 $limit"
  $to virsh -c qemu:///system <"$d/in" >"$d/out" 2>"$d/virsh.err" &
  vp=$!
  exec 3>"$d/in" 4<"$d/out"
  m() { printf 'echo "%s""|%s"\\n' "$n" "$1"; }
  { m version; echo 'version --daemon'
    m nets; echo 'net-list --all --uuid'
    m nets-active; echo 'net-list --active --uuid'
    m nets-autostart; echo 'net-list --all --autostart --uuid'
    m nets-persistent; echo 'net-list --all --persistent --uuid'
    m doms; echo 'list --all --uuid'
    m doms-running; echo 'list --uuid --state-running'
    m doms-paused; echo 'list --uuid --state-paused'
    m doms-shutoff; echo 'list --all --uuid --state-shutoff'
    m phase2; } >&3
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
    m virsh-end; } >&3 &
  exec 3>&-
  cat <&4
  exec 4<&-
  wait $vp; rc=$?
  printf '\\n%s|virsh-exit %s\\n' "$n" "$rc"
  cat "$d/virsh.err"
else
  printf '\\n%s|virsh-missing\\n' "$n"
fi
wait
for f in link addr route route6 bridge; do
  printf '\\n%s|%s %s\\n' "$n" "$f" "$(cat "$d/$f.rc" 2>/dev/null || echo 127)"
  cat "$d/$f"
done
printf '\\n%s|done\\n' "$n"
`;

/** The virsh state list sections, in the order the script prints them. */
export const SNAPSHOT_LIST_SECTIONS = [
  "nets",
  "nets-active",
  "nets-autostart",
  "nets-persistent",
  "doms",
  "doms-running",
  "doms-paused",
  "doms-shutoff",
] as const;
