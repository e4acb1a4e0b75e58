# Network plumbing of one lab host: its namespace, the uplink veth to the root namespace,
# and (for up hosts) the bridge br0 and the free NIC eth2. The LAN NICs are in lan.sh.

# Uplink: eth0 inside, sy-<host> in the root namespace, a /30 from addresses.env.
create_host_netns() {
  local h=$1 ns root_if
  ns=$(netns_of "$h"); root_if=$(uplink_root_end "$h")
  ip netns add "$ns"
  ip link add "$root_if" type veth peer name eth0 netns "$ns"
  # IPv6 off on the uplink only: no router solicitations cross it, while libvirt networks
  # inside the host can still use IPv6.
  sysctl -qw "net.ipv6.conf.$root_if.disable_ipv6=1"
  ip netns exec "$ns" sysctl -qw net.ipv6.conf.eth0.disable_ipv6=1
  ip addr add "$(root_end_of "$h")/30" dev "$root_if"
  ip link set "$root_if" up
  ip -n "$ns" link set lo up
  ip -n "$ns" addr add "$(addr_of "$h")/30" dev eth0
  ip -n "$ns" link set eth0 up
  ip -n "$ns" route add default via "$(root_end_of "$h")"
  # Guard rail: whatever runs in the host (dnsmasq forwarding DNS, a guest) may only reach
  # the lab's own /24 through the uplink; everything else is dropped before it leaves.
  # mangle rather than filter, because libvirt puts its own ACCEPT rules first in FORWARD.
  ip netns exec "$ns" iptables -t mangle -A POSTROUTING -o eth0 ! -d "$LAB_BLOCK" -j DROP
}

# br0 is the host bridge for bridged networks; its port eth1 reaches the LAN (lan.sh adds
# it). eth2 stays free (macvtap on a bridge port fails with EBUSY): a veth whose peer stays
# in the namespace, so the link is up without any outside wiring.
create_host_nics() {
  local ns
  ns=$(netns_of "$1")
  ip -n "$ns" link add br0 type bridge
  ip -n "$ns" link add eth2 type veth peer name eth2-peer
  local i
  for i in br0 eth2 eth2-peer; do ip -n "$ns" link set "$i" up; done
}

# hv-down: registered, routed, and silent. INPUT drops everything, so a TCP SYN gets no
# RST and clients must hit their own timeouts.
create_unreachable_host() {
  local h=$1
  create_host_netns "$h"
  ip netns exec "$(netns_of "$h")" iptables -P INPUT DROP
}
