#!/bin/sh
# udhcpc calls this with the event as $1 and the lease in the environment. busybox's own
# default script is not installed on Debian, so the probe applies the lease itself and
# prints one LEASE line that lab/probe.ts parses.
case "$1" in
  deconfig)
    ip addr flush dev "$interface"
    ip link set "$interface" up
    ;;
  bound|renew)
    ip addr flush dev "$interface"
    ip addr add "$ip/${mask:-24}" dev "$interface"
    for r in $router; do ip route replace default via "$r" dev "$interface"; break; done
    echo "LEASE ip=$ip mask=${mask:-} router=${router:-}"
    ;;
esac
exit 0
