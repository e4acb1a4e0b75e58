# lab:status: the LAN, then per host whether its sshd answers, its libvirt version, its LAN
# NICs, its Open vSwitch and its networks.

tcp_answers() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/22" 2>/dev/null; }

# Which hosts the last lab:up made (--hosts, --full); read by status and by lab.sh.
write_hosts_env() {
  printf 'UP_HOSTS=(%s)\nOVS_HOSTS=(%s)\nBASELINE_HOSTS=(%s)\n' "${UP_HOSTS[*]}" "${OVS_HOSTS[*]}" "${BASELINE_HOSTS[*]}" >"$LAB_DIR/run/hosts.env"
}
load_hosts_env() {
  [[ -r $LAB_DIR/run/hosts.env ]] || return 0
  source "$LAB_DIR/run/hosts.env"
  ALL_HOSTS=("${UP_HOSTS[@]}" "$DOWN_HOST")
}

print_host_status() {
  local h=$1 addr reach version
  addr=$(addr_of "$h")
  tcp_answers "$addr" && reach=reachable || reach=UNREACHABLE
  if [[ -e $(mntns_file "$h") ]] && version=$(timeout 10 nsenter --mount="$(mntns_file "$h")" --net="/run/netns/$(netns_of "$h")" -- \
    virsh -c qemu:///system version --daemon 2>/dev/null | sed -nE 's/^Running against daemon: (.*)/\1/p') && [[ -n $version ]]; then
    echo "$h $addr: ssh $reach, libvirt $version"
    lan_status_of "$h"
    if in_list "$h" "${OVS_HOSTS[@]}"; then
      if ovs_daemon_alive "$h" ovs-vswitchd && timeout 10 nsenter --mount="$(mntns_file "$h")" --net="/run/netns/$(netns_of "$h")" -- \
        ovs-vsctl --timeout=5 br-exists "$OVS_BRIDGE" 2>/dev/null; then
        echo "    OVS: $OVS_BRIDGE (userspace datapath) running"
      else
        echo "    OVS: NOT RUNNING"
      fi
    fi
    timeout 10 nsenter --mount="$(mntns_file "$h")" --net="/run/netns/$(netns_of "$h")" -- \
      virsh -c qemu:///system net-list --all | sed -n '3,$p' | sed '/^$/d; s/^/    /'
  else
    echo "$h $addr: ssh $reach, libvirt NOT RUNNING"
  fi
}

print_status() {
  if ! load_addresses; then echo "lab is down (no .lab/run/addresses.env; run npm run lab:up)"; return 0; fi
  load_hosts_env
  local dhcp lan_state=running
  read -ra dhcp <<<"$(lan_dhcp_range)"
  lan_dhcp_running || lan_state="NOT RUNNING"
  echo "LAN $LAN_BRIDGE $(lan_subnet): router $(lan_router), DHCP ${dhcp[0]}-${dhcp[1]} ($lan_state)"
  local h
  for h in "${UP_HOSTS[@]}"; do print_host_status "$h"; done
  local addr
  addr=$(addr_of "$DOWN_HOST")
  if [[ -e /run/netns/$(netns_of "$DOWN_HOST") ]]; then
    tcp_answers "$addr" && echo "$DOWN_HOST $addr: ANSWERS (it should drop everything)" ||
      echo "$DOWN_HOST $addr: silent (drops every packet, as intended)"
  else
    echo "$DOWN_HOST $addr: MISSING namespace"
  fi
}
