#!/usr/bin/env bash
# The Switchyard lab: real libvirt hypervisors in network namespaces on this machine.
#   lab.sh up [--reset] [--hosts N] [--full]
#                         build or repair the lab (--reset: libvirt back to baseline, keys kept;
#                         --hosts: N up hosts hv-a, hv-b, hv-c …; --full: OVS and guests on all)
#   lab.sh down           stop the lab's processes and remove its kernel state
#   lab.sh status         reachability, libvirt version and networks per host
#   lab.sh plan           the part of 198.18.0.0/15 a fresh up would use
set -Eeuo pipefail
# Any unexpected failure ends with one line that says where.
trap 'echo "lab: failed: $BASH_COMMAND (${BASH_SOURCE[0]##*/}:$LINENO)" >&2' ERR

# Keys, configs and state dirs must not be group-writable, whatever umask the caller has.
umask 022

LAB_LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib"
for f in common packages addresses credentials netns lan ovs mounts daemons baseline teardown hosts-json status; do
  source "$LAB_LIB/$f.sh"
done

require_root_and_netns() {
  [[ $(id -u) == 0 ]] || die "needs root (running as $(id -un)): namespaces, mounts and users cannot be made otherwise"
  [[ -e /proc/self/ns/net && -e /proc/self/ns/mnt ]] || die "kernel lacks network or mount namespace support (/proc/self/ns/net, /proc/self/ns/mnt)"
  local probe_ns="sy-check-$$" err
  if ! err=$(ip netns add "$probe_ns" 2>&1); then die "cannot create network namespaces: $err"; fi
  ip netns del "$probe_ns"
}

take_lock() {
  exec 9>"$LOCK_FILE"
  flock -w 300 9 || die "another lab:up/lab:down still holds $LOCK_FILE after 300 s"
}

# The parts every host shares: the address block, the fence route, the namespace dir, hv-down.
lab_global_ok() {
  load_addresses || return 1
  # Something else started using our part of 198.18.0.0/15: rebuild on a free part.
  current_block_is_free || return 1
  [[ -n $(ip route show proto "$LAB_ROUTE_PROTO") ]] || return 1
  mountpoint -q "$NS_MNT_DIR" || return 1
  [[ -e /run/netns/$(netns_of "$DOWN_HOST") ]]
}

# Healthy = every namespace, daemon and libvirt connection that build_up_host would create
# is there. (The LAN NICs and OVS are checked and added by their own ensure_* steps.)
host_is_healthy() {
  local h=$1 pid
  [[ -e /run/netns/$(netns_of "$h") ]] && mountpoint -q "$(mntns_file "$h")" || return 1
  ip -o addr show dev "$(uplink_root_end "$h")" 2>/dev/null | grep -q " $(root_end_of "$h")/" || return 1
  for pid in "$(libvirt_run_dir "$h")/libvirtd.pid" "$(libvirt_run_dir "$h")/virtlogd.pid" "$(sshd_dir "$h")/sshd.pid"; do
    pid=$(pid_from "$pid"); [[ -n $pid ]] && pid_running "$pid" || return 1
  done
  # A lab built before hosts had their own root home must be rebuilt to get one.
  nsenter --mount="$(mntns_file "$h")" -- test -e "/root/$LAB_HOME_MARKER" || return 1
  # Generous: a busy machine must not make a working lab look broken (and get rebuilt).
  timeout 30 nsenter --mount="$(mntns_file "$h")" --net="/run/netns/$(netns_of "$h")" -- \
    virsh -q -c qemu:///system version >/dev/null 2>&1
}

CUT_UPLINK_COMMENT=switchyard-lab-cut-uplink

# Puts the pinned host key back if a rekey was left behind, and lifts any fault.
restore_pins_and_faults() {
  local h=$1 d words
  chattr -i "$(host_dir "$h")/libvirt/etc/qemu/networks/autostart" 2>/dev/null || true
  # A cut uplink (fault HOST cut-uplink) whose timer died with its caller.
  while read -ra words; do
    ((${#words[@]})) || continue
    words[0]=-D
    ip netns exec "$(netns_of "$h")" iptables -t raw "${words[@]}"
  done < <(ip netns exec "$(netns_of "$h")" iptables -t raw -S | grep -F -- "--comment $CUT_UPLINK_COMMENT" || true)
  d=$(sshd_dir "$h")
  if ! cmp -s "$(host_dir "$h")/ssh_host_ed25519_key" "$d/ssh_host_ed25519_key"; then
    install -m 600 "$(host_dir "$h")/ssh_host_ed25519_key" "$d/ssh_host_ed25519_key"
    reload_sshd "$h"
  fi
}

# A new host's QEMU capabilities cache starts as a copy of hv-a's: the same binaries on the
# same machine, and probing QEMU costs each host seconds of CPU.
seed_qemu_cache() {
  local h=$1 from
  from=$(host_dir hv-a)/cache
  [[ $h != hv-a && -d $from/qemu && ! -e $(host_dir "$h")/cache/qemu ]] || return 0
  mkdir -p "$(host_dir "$h")/cache"
  cp -a "$from/qemu" "$(host_dir "$h")/cache/qemu"
}

build_up_host() {
  local h=$1
  step "$h: namespaces"
  create_host_netns "$h"
  create_host_nics "$h"
  seed_libvirt_dirs "$h"
  seed_qemu_cache "$h"
  create_host_mntns "$h"
  step "$h: libvirtd"
  start_libvirt "$h"
  step "$h: sshd"
  start_sshd "$h"
}

# Brings one up host to what this lab:up asks for, keeping whatever already works.
up_host() {
  local h=$1
  if host_is_healthy "$h"; then
    restore_pins_and_faults "$h"
  else
    teardown_hosts "$h"
    build_up_host "$h"
    touch "$LAB_DIR/run/built/$h"
  fi
  step "$h: LAN"
  ensure_host_lan "$h"
  if in_list "$h" "${OVS_HOSTS[@]}"; then step "$h: OVS"; ensure_ovs "$h"; fi
  if in_list "$h" "${BASELINE_HOSTS[@]}"; then step "$h: baseline"; ensure_baseline "$h"; fi
  step "$h: ready"
}

# Hosts a bigger lab:up (--hosts) made that this one does not want: removed whole.
remove_extra_hosts() {
  local h extra=()
  for h in $( {
    ip netns list 2>/dev/null | awk '{print $1}' | sed -nE 's/^sy-(hv-[a-z])$/\1/p'
    for h in "$NS_MNT_DIR"/hv-?.mnt; do [[ -e $h ]] && basename "$h" .mnt; done
    ip -o link show | awk -F': ' '{print $2}' | cut -d@ -f1 | sed -nE 's/^sy-(hv-[a-z])(-.*)?$/\1/p'
  } | sort -u); do
    in_list "$h" "${UP_HOSTS[@]}" || extra+=("$h")
  done
  ((${#extra[@]})) || return 0
  step "removing ${extra[*]} (not wanted by this lab:up)"
  teardown_hosts "${extra[@]}"
}

# Probe guests whose NIC went away with a host that was rebuilt or removed.
remove_orphan_probes() {
  local ns
  for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -E '^sy-probe-' || true); do
    ip -n "$ns" link show dev eth0 >/dev/null 2>&1 && continue
    stop_processes -- "$(stat -L -c %i "/run/netns/$ns")"
    ip netns del "$ns" 2>/dev/null || true
  done
}

# Memory the lab's processes take (PSS, so shared libraries are counted once), in MiB.
lab_memory_mib() {
  local inodes lan_pid f kb=0 n=0 actual pss pid
  inodes=" $(lab_ns_inodes | tr '\n' ' ') "
  lan_pid=$(pid_from "$(LAN_DNSMASQ_PIDFILE)")
  for f in /proc/[0-9]*; do
    pid=${f#/proc/}
    [[ $pid == "$$" || $pid == "$BASHPID" ]] && continue
    actual=$(readlink "$f/ns/net" 2>/dev/null || true); actual=${actual##*[}; actual=${actual%]}
    # In a lab namespace, or the LAN's dnsmasq (root namespace).
    [[ -n $actual && $inodes == *" $actual "* ]] || [[ $pid == "$lan_pid" ]] || continue
    pss=$(awk '/^Pss:/ {print $2}' "$f/smaps_rollup" 2>/dev/null || true)
    [[ -n $pss ]] || continue
    kb=$((kb + pss)); n=$((n + 1))
  done
  echo "$((kb / 1024)) MiB in $n processes"
}

run_throttled_hosts() {
  # Side by side (hosts are independent), at most LAB_PARALLEL at once, so that twenty
  # hosts do not all start libvirtd together on two cores.
  local h pids=() rc=0 max=${LAB_PARALLEL:-6}
  for h in "${UP_HOSTS[@]}"; do
    while (($(jobs -rp | wc -l) >= max)); do wait -n || true; done
    up_host "$h" &
    pids+=($!)
  done
  for h in "${pids[@]}"; do wait "$h" || rc=1; done
  ((rc == 0)) || die "bringing the hosts up failed (messages above)"
}

cmd_up() {
  local reset= hosts=2 full=
  while (($#)); do
    case $1 in
      --reset) reset=1 ;;
      --full) full=1 ;;
      --hosts)
        [[ ${2:-} =~ ^[0-9]+$ ]] && (($2 >= 2 && $2 <= MAX_UP_HOSTS)) || die "--hosts takes a number from 2 to $MAX_UP_HOSTS (got ${2:-nothing})"
        hosts=$2; shift ;;
      *) die "unknown option for up: $1 (--reset, --hosts N, --full)" ;;
    esac
    shift
  done
  set_up_hosts "$hosts" "$full"
  local started=$SECONDS
  [[ $(id -u) == 0 ]] || die "needs root (running as $(id -un)): namespaces, mounts and users cannot be made otherwise"
  ensure_packages
  require_root_and_netns
  take_lock
  ensure_keys_and_passwords
  ensure_users
  if [[ -n $reset ]] || ! lab_global_ok; then
    teardown_lab
    if [[ -n $reset ]]; then
      for h in "${UP_HOSTS[@]}"; do rm -rf "$(host_dir "$h")/libvirt"; done
    fi
    choose_addresses
    load_addresses
    add_block_fence
  else
    # Same block; rewritten so a file from an older lab lists every possible host.
    write_addresses "$(block_base)"
  fi
  ensure_pristine_etc
  ensure_ns_mnt_dir
  remove_extra_hosts
  step "LAN"
  ensure_lan
  [[ -e /run/netns/$(netns_of "$DOWN_HOST") ]] || create_unreachable_host "$DOWN_HOST"
  rm -rf "$LAB_DIR/run/built"; mkdir -p "$LAB_DIR/run/built"
  run_throttled_hosts
  remove_orphan_probes
  write_hosts_env
  write_hosts_json
  if [[ -z $(ls "$LAB_DIR/run/built") ]]; then
    log "already up; baseline checked"
  fi
  log "up in $((SECONDS - started)) s: ${#UP_HOSTS[@]} up hosts ($(ls "$LAB_DIR/run/built" | wc -l) built now); lab processes use $(lab_memory_mib)"
  print_status
}

cmd_down() {
  [[ $(id -u) == 0 ]] || die "needs root (running as $(id -un))"
  take_lock
  teardown_lab
  log "down"
}

case "${1:-}" in
  up) shift; cmd_up "$@" ;;
  down) cmd_down ;;
  status) print_status ;;
  # Which /24 of 198.18.0.0/15 a fresh lab:up would use (read-only; for tests and people).
  plan) block=$(pick_block) || exit 1; echo "$(int_to_ip "$block")/24" ;;
  *) die "usage: lab.sh up [--reset] [--hosts N] [--full] | down | status | plan" ;;
esac
