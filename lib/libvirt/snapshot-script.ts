import "server-only";
import { SNAPSHOT_LISTS } from "@/lib/domain/host/snapshot-commands";
import { defineRemoteScript } from "@/lib/ssh";
import { LIBVIRT_URI } from "./uri";

// The two fixed remote scripts behind every host read; each is one exec.
//
// Budget: on a small host a read should cost about what an operator's own
// `ssh host 'virsh …'` costs. Every process the script starts costs several
// milliseconds (measured 8 ms for /bin/true on the lab), so the scripts start
// as few as they can: one virsh, one ip (in the background), and in the cold
// read a mkfifo and a cat.
//
// Framing: every section starts with a marker line "<nonce>|<section>". The
// nonce is random per read and passed as $1, so no XML or name can forge one.
// virsh prints markers through its own `echo "<nonce>""|<section>"`: the two
// quoted halves join only in the output, never in the echoed command line, so
// the interactive prompt's echo ("virsh # echo …") never looks like a marker.
// virsh's stderr joins its stdout: virsh flushes its output before it prints
// an error, so an error lands in the section of the command that failed.
//
// Names never travel through these scripts: networks and domains are
// addressed by UUID, and only strings shaped exactly like a UUID are ever
// written back into virsh's input.
//
// No `timeout` around virsh: the transport's remote timeout ends the whole
// process group, and the adapter reads that as libvirtd not answering.

// Both scripts take $1 = the nonce and $2 = "facts" when the read needs the
// kernel side too (topology, interfaces, the wizard's checks; the network
// pages do not).
//
// Kernel facts on stderr (virsh owns stdout), in the background while virsh
// works: one ip process lists the links with their details (bridge ports and
// their STP state included), their addresses, and the routes of both families.
const FACTS = `
facts() {
  { printf '\\n%s|ip\\n' "$1"; ip -d -j -batch - 2>&1 <<'EOF'
addr show
route show table all
EOF
  printf '\\n%s|ip-exit %s\\n' "$1" "$?"
  ovs "$1"; sriov "$1"; neigh "$1"; } >&2 &
}
# The neighbour table (ARP and NDP): which MAC answers for which address on
# which bridge, so guests with static addresses or on host bridges show their
# addresses too. Every read takes it (the VM lists need it without the rest).
neigh() { printf '\\n%s|neigh\\n' "$1"; ip -j neigh show 2>&1; }
# Open vSwitch in the same exec, after ip on the same stream (two writers would
# interleave): only when its database socket exists, so a host with the
# package but no running switch costs nothing and never waits.
ovs() {
  for s in /run/openvswitch/db.sock /var/run/openvswitch/db.sock; do
    [ -S "$s" ] && command -v ovs-vsctl >/dev/null 2>&1 || continue
    printf '\\n%s|ovs\\n' "$1"
    ovs-vsctl --timeout=2 --format=json -- --columns=name,ports,datapath_type list Bridge -- --columns=_uuid,name,tag,trunks,vlan_mode,interfaces,bond_mode list Port -- --columns=_uuid,name,type list Interface 2>&1
    return
  done
}
# NICs whose device reports SR-IOV virtual functions: shell builtins only.
sriov() {
  printf '\\n%s|sriov\\n' "$1"
  for f in /sys/class/net/*/device/sriov_totalvfs; do
    [ -r "$f" ] || continue
    read -r v <"$f"; d=\${f#/sys/class/net/}; printf '%s %s\\n' "\${d%%/*}" "$v"
  done
}
finish() { wait; printf '\\n%s|done\\n' "$1"; }
`;

// The lists come from the table the warm read uses too, so both ask virsh the
// same questions. Phase 1 holds the lists that decide what to dump.
const PHASE_1 = new Set(["nets", "nets-active", "doms"]);
const PHASE_2 = new Set(SNAPSHOT_LISTS.map(([kind]) => kind).filter((kind) => !PHASE_1.has(kind)));
const listLines = (kinds: Set<string>) =>
  SNAPSHOT_LISTS.filter(([kind]) => kinds.has(kind)).map(([kind, command]) => `m ${kind}; echo '${command}'`).join("\n  ");

// Cold: virsh runs as an interactive shell fed through a FIFO, so the UUIDs
// it lists in phase 1 become the dump commands of phase 2 in the same process.
const COLD = `
snapshot() {
n=$1
LC_ALL=C; export LC_ALL
h='[0-9a-f]'; U="$h$h$h$h$h$h$h$h-$h$h$h$h-$h$h$h$h-$h$h$h$h-$h$h$h$h$h$h$h$h$h$h$h$h"
if [ "$2" = facts ]; then facts "$n"; else neigh "$n" >&2 & fi
printf '\\n%s|virsh-start\\n' "$n"
command -v virsh >/dev/null 2>&1 || { printf '\\n%s|virsh-missing\\n' "$n"; finish "$n"; return 0; }
# mkfifo refuses a name that exists (a planted symlink too), so no private directory is needed.
p="\${TMPDIR:-/tmp}/switchyard-$n-$$"
mkfifo -m 600 "$p.in" "$p.out" || { printf '\\n%s|fatal mkfifo\\n' "$n"; finish "$n"; return 1; }
virsh -c ${LIBVIRT_URI} <"$p.in" >"$p.out" 2>&1 &
vp=$!
exec 3>"$p.in" 4<"$p.out"
# Both ends are open: the names can go (in the background, off the clock).
rm -f "$p.in" "$p.out" </dev/null >/dev/null 2>&1 &
m() { printf 'echo "%s""|%s"\\n' "$n" "$1"; }
{ ${listLines(PHASE_1)}
  m phase2; } >&3
# sh's read takes a byte per syscall: phase 1 holds only these three short lists
# (awk would read ahead and wait for input that only comes after we answer).
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
  for x in $doms; do m "dom-agent $x"; echo "domifaddr $x --source agent"; done
  ${listLines(PHASE_2)}
  m virsh-end; } >&3 &
exec 3>&-
cat <&4
exec 4<&-
wait "$vp"; printf '\\n%s|virsh-exit %s\\n' "$n" "$?"
finish "$n"
}
sy_section snapshot snapshot "$@"
`;

// Warm: the UUIDs are known from the previous read, so one non-interactive
// virsh does everything and writes straight to our stdout. $3 is the command
// line built by warmReadCommands (lib/domain/host/snapshot-commands.ts).
const WARM = `
snapshot() {
n=$1
LC_ALL=C; export LC_ALL
if [ "$2" = facts ]; then facts "$n"; else neigh "$n" >&2 & fi
printf '\\n%s|virsh-start\\n' "$n"
if command -v virsh >/dev/null 2>&1; then
  virsh -c ${LIBVIRT_URI} "$3" 2>&1
  printf '\\n%s|virsh-exit %s\\n' "$n" "$?"
else
  printf '\\n%s|virsh-missing\\n' "$n"
fi
finish "$n"
}
sy_section snapshot snapshot "$@"
`;

export const SNAPSHOT_SCRIPT = defineRemoteScript("switchyard-snapshot", FACTS + COLD);
export const WARM_SNAPSHOT_SCRIPT = defineRemoteScript("switchyard-snapshot-warm", FACTS + WARM);
