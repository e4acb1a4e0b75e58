# The site's LAN: one bridge in the root namespace that every up host is wired to, with the
# root namespace as the site router on it (one address and a DHCP server, like an office
# router). Every step only adds what is missing, so lab:up applies it to a running lab.
#
# Per up host, three LAN NICs (veths whose root ends are ports of the LAN bridge):
#   eth1     port of the host's br0: the classic already-bridged host (bridged guests land on the LAN)
#   lan0     carries the host's LAN address directly (not bridged); hosts reach each other over it
#   ovs-lan  the uplink port of the host's Open vSwitch bridge ovsbr0 (ovs.sh), a trunk

LAN_BRIDGE=sy-lan
LAN_DNSMASQ_PIDFILE() { echo "$LAB_DIR/run/lan-dnsmasq.pid"; }
# Marks the root namespace's guard rule, so teardown removes exactly it.
LAN_GUARD_COMMENT=switchyard-lab-lan-guard
# The roles, by the name the NIC has inside the host.
LAN_BRIDGED_NIC=eth1
LAN_ADDRESS_NIC=lan0
LAN_OVS_NIC=ovs-lan

# The root end of a host's LAN NIC: sy-<host>-<nic> (at most 15 characters: sy-hv-z-ovs-lan is 15).
lan_port_of() { echo "sy-$1-$2"; }

ensure_lan() {
  if ! ip link show dev "$LAN_BRIDGE" >/dev/null 2>&1; then
    # No STP (ports forward at once); no br_netfilter, so the root's iptables sees only
    # what the root itself routes (the guard below), never frames bridged between hosts.
    ip link add "$LAN_BRIDGE" type bridge stp_state 0 forward_delay 0
    sysctl -qw "net.ipv6.conf.$LAN_BRIDGE.disable_ipv6=1"
  fi
  ip link set "$LAN_BRIDGE" type bridge nf_call_iptables 0 nf_call_ip6tables 0 nf_call_arptables 0
  ip addr replace "$(lan_router)/$LAN_PREFIX" dev "$LAN_BRIDGE"
  ip link set "$LAN_BRIDGE" up
  ensure_lan_guard
  ensure_lan_dhcp
}

# The same guard rail as each host's uplink: should this machine forward, nothing from the
# LAN is routed anywhere outside the lab's /24. (ip_forward is off here; this holds anyway.)
ensure_lan_guard() {
  local rule=(FORWARD -i "$LAN_BRIDGE" ! -d "$LAB_BLOCK" -m comment --comment "$LAN_GUARD_COMMENT" -j DROP)
  iptables -t mangle -C "${rule[@]}" 2>/dev/null || iptables -t mangle -A "${rule[@]}"
}

remove_lan_guard() {
  local words
  # iptables -S prints the rule as it was added; -D takes the same words (none has a space).
  while read -ra words; do
    ((${#words[@]})) || continue
    words[0]=-D
    iptables -t mangle "${words[@]}" 2>/dev/null || true
  done < <(iptables -t mangle -S FORWARD 2>/dev/null | grep -F -- "--comment $LAN_GUARD_COMMENT" || true)
}

lan_dhcp_running() {
  local pid
  pid=$(pid_from "$(LAN_DNSMASQ_PIDFILE)")
  [[ -n $pid && $(cat "/proc/$pid/comm" 2>/dev/null) == dnsmasq ]] && pid_running "$pid"
}

# Every LAN dnsmasq but the one this lab's pidfile names (pass "all" to include it): one
# left by a lab whose directory is gone (another clone of the project, deleted with its
# pidfile) still answers DHCP on the same bridge and must not race this lab's server.
lan_dhcp_strays() {
  local keep=${1:-} f pid cmd
  [[ $keep == all ]] && keep= || keep=$(pid_from "$(LAN_DNSMASQ_PIDFILE)")
  for f in /proc/[0-9]*/comm; do
    [[ $(cat "$f" 2>/dev/null) == dnsmasq ]] || continue
    pid=${f#/proc/}; pid=${pid%/comm}
    [[ $pid == "$keep" ]] && continue
    cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)
    [[ $cmd == *" --interface=$LAN_BRIDGE "* && $cmd == *"/.lab/run/lan-dnsmasq.pid "* ]] && echo "$pid"
  done
  return 0
}

stop_lan_dhcp_strays() {
  local pid
  for pid in $(lan_dhcp_strays "${1:-}"); do
    kill "$pid" 2>/dev/null || true
    wait_until 5 eval "! pid_running $pid" || kill -KILL "$pid" 2>/dev/null || true
  done
}

# dnsmasq as the LAN's DHCP server: bound to the LAN bridge only, no DNS (port 0). Leases
# last 2 minutes (dnsmasq's shortest): probes come and go with new MACs, and a pool of 62
# must not run dry; dnsmasq pings an address before it offers it, so a guest that keeps its
# address past the lease still keeps it to itself.
ensure_lan_dhcp() {
  stop_lan_dhcp_strays
  lan_dhcp_running && return 0
  local start end
  read -r start end <<<"$(lan_dhcp_range)"
  rm -f "$(LAN_DNSMASQ_PIDFILE)"
  dnsmasq --conf-file=/dev/null --pid-file="$(LAN_DNSMASQ_PIDFILE)" \
    --bind-interfaces --interface="$LAN_BRIDGE" --except-interface=lo --port=0 \
    --dhcp-range="$start,$end,255.255.255.128,2m" --dhcp-option=option:router,"$(lan_router)" \
    --dhcp-authoritative --dhcp-leasefile="$LAB_DIR/run/lan-dnsmasq.leases" \
    --log-dhcp --log-facility="$LAB_DIR/run/lan-dnsmasq.log" 9>&- ||
    die "the LAN's dnsmasq did not start (see $LAB_DIR/run/lan-dnsmasq.log)"
}

# A veth whose INNER end is in the host and whose root end is a port of the LAN bridge.
# Kept when it is already wired so; otherwise (missing, or eth1 of a lab made before the
# LAN, whose peer stayed inside the host) made anew.
ensure_lan_veth() {
  local h=$1 inner=$2 ns root_end
  ns=$(netns_of "$h"); root_end=$(lan_port_of "$h" "$inner")
  if ! { ip -o link show dev "$root_end" 2>/dev/null | grep -q " master $LAN_BRIDGE " &&
    ip -n "$ns" link show dev "$inner" >/dev/null 2>&1; }; then
    ip -n "$ns" link del "$inner" 2>/dev/null || true
    ip link del "$root_end" 2>/dev/null || true
    ip link add "$root_end" type veth peer name "$inner" netns "$ns"
    sysctl -qw "net.ipv6.conf.$root_end.disable_ipv6=1"
    ip link set "$root_end" master "$LAN_BRIDGE"
  fi
  ip link set "$root_end" up
  ip -n "$ns" link set "$inner" up
}

ensure_host_lan() {
  local h=$1 ns
  ns=$(netns_of "$h")
  ensure_lan_veth "$h" "$LAN_BRIDGED_NIC"
  ip -n "$ns" link set "$LAN_BRIDGED_NIC" master br0
  ensure_lan_veth "$h" "$LAN_ADDRESS_NIC"
  ip -n "$ns" addr replace "$(lan_addr_of "$h")/$LAN_PREFIX" dev "$LAN_ADDRESS_NIC"
  # The uplink's guard rail, on the LAN NIC too: the host sends nothing outside the lab's /24.
  local rule=(POSTROUTING -o "$LAN_ADDRESS_NIC" ! -d "$LAB_BLOCK" -j DROP)
  ip netns exec "$ns" iptables -t mangle -C "${rule[@]}" 2>/dev/null ||
    ip netns exec "$ns" iptables -t mangle -A "${rule[@]}"
}

# One line per host for lab:status.
lan_status_of() {
  local h=$1
  echo "    LAN: $LAN_ADDRESS_NIC $(lan_addr_of "$h")/$LAN_PREFIX; br0 port $LAN_BRIDGED_NIC; free NIC eth2$(in_list "$h" "${OVS_HOSTS[@]}" && echo "; ovsbr0 uplink $LAN_OVS_NIC")"
}
