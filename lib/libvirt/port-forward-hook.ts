// The libvirt network hook that applies port forwards on the host, so the
// host is the truth: libvirt runs it with the network's XML on stdin whenever a
// network starts or stops, and Switchyard runs it (over SSH, as a plan step)
// to apply a change now. Forwards therefore come back after net-destroy /
// net-start, libvirtd restarts and reboots with no Switchyard running.
//
// It is POSIX sh + awk + iptables (libvirt 9.0 programs the firewall through
// iptables; on Debian 12 that is iptables-nft, so `nft list ruleset` shows
// the same rules). What it touches, per network, is only its own chains,
// named from the network's UUID:
//   filter SWY-F-<id>  jumped to from FORWARD, above libvirt's LIBVIRT_FW*
//                      (whose LIBVIRT_FWI rejects new inbound connections)
//   nat    SWY-D-<id>  jumped to from PREROUTING (other machines, other guests)
//                      and OUTPUT (the host itself): the DNAT rules
//   nat    SWY-S-<id>  jumped to from POSTROUTING: masquerade a guest's own
//                      hairpin connection so the reply comes back through NAT
// libvirt re-creates its own LIBVIRT_* jumps only when they are missing, and
// its reloads (libvirtd restart) flush only its own chains, so ours stay put.
//
// Values from the XML never reach a shell unquoted: awk prints only fields
// that match strict patterns (tcp/udp, digits, dotted quads, an interface
// name), and the shell passes them to iptables as single arguments.
//
// An existing hook that is not ours is kept as network.pre-switchyard and
// called after ours with the same arguments and XML, and its status is the
// hook's status.

import { PORT_FORWARD_NS } from "@/lib/domain/network/port-forward";

export const HOOK_DIR = "/etc/libvirt/hooks";
export const HOOK_PATH = `${HOOK_DIR}/network`;
export const CHAINED_HOOK_PATH = `${HOOK_PATH}.pre-switchyard`;
/** A line only Switchyard's hook carries; a hook without it is someone else's. */
export const HOOK_MARKER = "# switchyard-port-forward-hook";
export const HOOK_VERSION = 1;
/** The operation Switchyard passes to apply a network's rules now (libvirt never uses it). */
export const APPLY_OP = "switchyard-apply";
/** A dry run: prints the iptables commands apply would run, changes nothing. */
export const PRINT_OP = "switchyard-print";

// awk: the network XML (one string) → "uuid U", "bridge B", "ip A/M", "nat yes|no", "rule P HADDR|- HP GADDR GP".
const PARSE_AWK = String.raw`
function ipv4(a,   n, o, i) { if (a !~ /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/) return 0; n = split(a, o, "."); for (i = 1; i <= n; i++) if (o[i] + 0 > 255 || length(o[i]) > 3) return 0; return 1 }
function ports(p,   r) { if (p !~ /^[1-9][0-9]*(-[1-9][0-9]*)?$/) return -1; split(p, r, "-"); if (r[2] == "") r[2] = r[1]; if (r[1] + 0 > 65535 || r[2] + 0 > 65535 || r[1] + 0 > r[2] + 0) return -1; return r[2] - r[1] }
function attr(t, n) {
  if (match(t, " " n "=\"[^\"]*\"")) return substr(t, RSTART + length(n) + 3, RLENGTH - length(n) - 4)
  if (match(t, " " n "=\047[^\047]*\047")) return substr(t, RSTART + length(n) + 3, RLENGTH - length(n) - 4)
  return ""
}
{ s = s " " $0 }
END {
  gsub(/[\t\r\n]/, " ", s)
  ours = ""
  if (match(s, /<swy:port-forwards[ >].*<\/swy:port-forwards>/)) ours = substr(s, RSTART, RLENGTH)
  if (ours != "" && index(ours, "xmlns:swy=\"" NS "\"") == 0 && index(ours, "xmlns:swy=\047" NS "\047") == 0) ours = ""
  # Everything else is read outside <metadata>, so no other metadata can pose as the network elements.
  gsub(/<metadata>.*<\/metadata>/, " ", s)
  if (match(s, /<uuid>[0-9a-f-]+<\/uuid>/)) { u = substr(s, RSTART + 6, RLENGTH - 13); if (length(u) == 36) print "uuid " u }
  if (match(s, /<bridge [^>]*>/)) { b = attr(substr(s, RSTART, RLENGTH), "name"); if (b ~ /^[A-Za-z0-9_.:][A-Za-z0-9_.:-]*$/ && length(b) <= 15) print "bridge " b }
  nat = "no"
  if (match(s, /<forward[ >\/][^>]*>/)) { f = substr(s, RSTART, RLENGTH); m = attr(f, "mode"); if (m == "" || m == "nat") nat = "yes" }
  print "nat " nat
  rest = s
  while (match(rest, /<ip [^>]*>/)) {
    t = substr(rest, RSTART, RLENGTH); rest = substr(rest, RSTART + RLENGTH)
    if (attr(t, "family") == "ipv6") continue
    a = attr(t, "address"); m = attr(t, "netmask"); p = attr(t, "prefix")
    if (!ipv4(a)) continue
    if (m != "" && ipv4(m)) { print "ip " a "/" m; break }
    if (p ~ /^[0-9]+$/ && p + 0 <= 32) { print "ip " a "/" p; break }
  }
  while (match(ours, /<swy:rule [^>]*>/)) {
    t = substr(ours, RSTART, RLENGTH); ours = substr(ours, RSTART + RLENGTH)
    # The comment is free text: drop it first so nothing inside it reads as an attribute.
    gsub(/ comment="[^"]*"/, "", t); gsub(" comment=\047[^\047]*\047", "", t)
    pr = attr(t, "proto"); ha = attr(t, "host-address"); hp = attr(t, "host-port"); ga = attr(t, "guest-address"); gp = attr(t, "guest-port")
    if (pr != "tcp" && pr != "udp") continue
    if (ha != "" && !ipv4(ha)) continue
    if (!ipv4(ga)) continue
    n = ports(hp); if (n < 0 || n != ports(gp)) continue
    print "rule " pr " " (ha == "" ? "-" : ha) " " hp " " ga " " gp
  }
}`;

/** The hook, exactly as it is written to the host (shown in the plan before it is). */
export function buildHookScript(): string {
  return `#!/bin/sh
${HOOK_MARKER} v${HOOK_VERSION}
# Written by Switchyard (https://switchyard.dev). libvirt runs it as
#   network NAME OPERATION SUB-OPERATION EXTRA   with the network's XML on stdin.
# It applies the port forwards kept in the network's <metadata> (namespace
# ${PORT_FORWARD_NS}) when the network starts, removes them
# when it stops, and touches only iptables chains named SWY-F-/SWY-D-/SWY-S-<id>.
# "network NAME ${APPLY_OP}" (XML on stdin) applies them now; "${PRINT_OP}" prints the commands.
# A hook that was here before is kept as ${CHAINED_HOOK_PATH} and run after this one.
PATH=$PATH:/usr/sbin:/usr/bin:/sbin:/bin
LC_ALL=C; export LC_ALL
op=\${2:-}
xml=$(cat)

facts=$(printf '%s\\n' "$xml" | awk -v NS='${PORT_FORWARD_NS}' '${PARSE_AWK}')
fact() { printf '%s\\n' "$facts" | awk -v k="$1" '$1 == k { print $2; exit }'; }

ipt() {
  if [ "$op" = ${PRINT_OP} ]; then echo "iptables -w $*"; return 0; fi
  iptables -w "$@"
}
exists() { [ "$op" != ${PRINT_OP} ] && iptables -w -t "$1" -S "$2" >/dev/null 2>&1; }

uuid=$(fact uuid)
id=$(printf '%s' "$uuid" | tr -d - | cut -c1-16)
F=SWY-F-$id; D=SWY-D-$id; S=SWY-S-$id

remove() {
  exists filter "$F" || exists nat "$D" || exists nat "$S" || return 0
  while iptables -w -D FORWARD -j "$F" 2>/dev/null; do :; done
  while iptables -w -t nat -D PREROUTING -j "$D" 2>/dev/null; do :; done
  while iptables -w -t nat -D OUTPUT -j "$D" 2>/dev/null; do :; done
  while iptables -w -t nat -D POSTROUTING -j "$S" 2>/dev/null; do :; done
  for c in "filter $F" "nat $D" "nat $S"; do
    set -- $c
    if exists "$1" "$2"; then iptables -w -t "$1" -F "$2" && iptables -w -t "$1" -X "$2" || return 1; fi
  done
}

# A chain of ours, empty (created or flushed).
fresh() { if exists "$1" "$2"; then ipt -t "$1" -F "$2"; else ipt -t "$1" -N "$2"; fi; }

# FORWARD: our jump must come before libvirt's, whose LIBVIRT_FWI rejects new inbound connections.
forward_first() {
  [ "$op" = ${PRINT_OP} ] && { ipt -I FORWARD 1 -j "$F"; return 0; }
  pos=$(iptables -w -S FORWARD | awk -v j="-A FORWARD -j $F" '/^-A /{ n++; if ($0 == j) { print n; exit } }')
  lv=$(iptables -w -S FORWARD | awk '/^-A /{ n++; if ($0 ~ / -j LIBVIRT_/) { print n; exit } }')
  if [ -n "$pos" ] && { [ -z "$lv" ] || [ "$pos" -lt "$lv" ]; }; then return 0; fi
  while iptables -w -D FORWARD -j "$F" 2>/dev/null; do :; done
  iptables -w -I FORWARD 1 -j "$F"
}
jump() { [ "$op" != ${PRINT_OP} ] && iptables -w -t "$1" -C "$2" -j "$3" 2>/dev/null && return 0; ipt -t "$1" -A "$2" -j "$3"; }

apply() {
  rules=$(printf '%s\\n' "$facts" | grep '^rule ')
  bridge=$(fact bridge); net=$(fact ip)
  if [ -z "$rules" ] || [ "$(fact nat)" != yes ] || [ -z "$bridge" ] || [ -z "$net" ]; then remove; return; fi
  fresh filter "$F" && fresh nat "$D" && fresh nat "$S" || return 1
  printf '%s\\n' "$rules" | while read -r _ p ha hp ga gp; do
    hfirst=\${hp%-*}; hlast=\${hp#*-}; gfirst=\${gp%-*}; glast=\${gp#*-}
    if [ "$hfirst" = "$hlast" ]; then to=$ga:$gfirst; else to=$ga:$gfirst-$glast/$hfirst; fi
    if [ "$ha" = - ]; then
      ipt -t nat -A "$D" ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -p "$p" --dport "$hfirst:$hlast" -j DNAT --to-destination "$to" || exit 1
    else
      ipt -t nat -A "$D" -d "$ha" -p "$p" --dport "$hfirst:$hlast" -j DNAT --to-destination "$to" || exit 1
    fi
    ipt -A "$F" -d "$ga" -o "$bridge" -p "$p" --dport "$gfirst:$glast" -m conntrack --ctstate DNAT -j ACCEPT || exit 1
    ipt -t nat -A "$S" -s "$net" -d "$ga" -o "$bridge" -p "$p" --dport "$gfirst:$glast" -m conntrack --ctstate DNAT -j MASQUERADE || exit 1
  done || return 1
  forward_first && jump nat PREROUTING "$D" && jump nat OUTPUT "$D" && jump nat POSTROUTING "$S"
}

status=0
if [ -z "$id" ]; then
  echo "switchyard hook: no network UUID in the XML; nothing done" >&2
  [ "$op" = ${APPLY_OP} ] && exit 1
else
  case $op in
    started|${APPLY_OP}|${PRINT_OP}) apply || status=1 ;;
    stopped) remove || status=1 ;;
  esac
  [ $status = 0 ] || echo "switchyard hook: applying the port forwards of $1 failed" >&2
fi
case $op in
  ${APPLY_OP}|${PRINT_OP}) exit $status ;;
esac
# libvirt's own operations: a failure here must not stop the network; a hook that was here before decides.
if [ -x "$0.pre-switchyard" ]; then printf '%s\\n' "$xml" | "$0.pre-switchyard" "$@"; exit $?; fi
exit 0
`;
}
