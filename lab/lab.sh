#!/usr/bin/env bash
# The Switchyard lab: real libvirt hypervisors in network namespaces on this machine.
#   lab.sh up [--reset]   build or repair the lab (--reset: libvirt back to baseline, keys kept)
#   lab.sh down           stop the lab's processes and remove its kernel state
#   lab.sh status         reachability, libvirt version and networks per host
#   lab.sh plan           the part of 198.18.0.0/15 a fresh up would use
set -Eeuo pipefail
# Any unexpected failure ends with one line that says where.
trap 'echo "lab: failed: $BASH_COMMAND (${BASH_SOURCE[0]##*/}:$LINENO)" >&2' ERR

# Keys, configs and state dirs must not be group-writable, whatever umask the caller has.
umask 022

LAB_LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib"
for f in common packages addresses credentials netns mounts daemons baseline teardown hosts-json status; do
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

# Healthy = every namespace, daemon and libvirt connection that up would create is there.
lab_is_healthy() {
  load_addresses || return 1
  # Something else started using our part of 198.18.0.0/15: rebuild on a free part.
  current_block_is_free || return 1
  [[ -n $(ip route show proto "$LAB_ROUTE_PROTO") ]] || return 1
  local h pid
  for h in "${UP_HOSTS[@]}"; do
    [[ -e /run/netns/$(netns_of "$h") ]] && mountpoint -q "$(mntns_file "$h")" || return 1
    ip -o addr show dev "$(uplink_root_end "$h")" 2>/dev/null | grep -q " $(root_end_of "$h")/" || return 1
    for pid in "$(libvirt_run_dir "$h")/libvirtd.pid" "$(libvirt_run_dir "$h")/virtlogd.pid" "$(sshd_dir "$h")/sshd.pid"; do
      pid=$(pid_from "$pid"); [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 1
    done
    # A lab built before hosts had their own root home must be rebuilt to get one.
    nsenter --mount="$(mntns_file "$h")" -- test -e "/root/$LAB_HOME_MARKER" || return 1
    # Generous: a busy machine must not make a working lab look broken (and get rebuilt).
    timeout 30 nsenter --mount="$(mntns_file "$h")" --net="/run/netns/$(netns_of "$h")" -- \
      virsh -q -c qemu:///system version >/dev/null 2>&1 || return 1
  done
  [[ -e /run/netns/$(netns_of "$DOWN_HOST") ]]
}

# Puts the pinned host key back if a rekey was left behind, and lifts any fault.
restore_pins_and_faults() {
  local h d
  for h in "${UP_HOSTS[@]}"; do
    chattr -i "$(host_dir "$h")/libvirt/etc/qemu/networks/autostart" 2>/dev/null || true
    d=$(sshd_dir "$h")
    if ! cmp -s "$(host_dir "$h")/ssh_host_ed25519_key" "$d/ssh_host_ed25519_key"; then
      install -m 600 "$(host_dir "$h")/ssh_host_ed25519_key" "$d/ssh_host_ed25519_key"
      reload_sshd "$h"
    fi
  done
}

build_up_host() {
  local h=$1
  step "$h: namespaces"
  create_host_netns "$h"
  create_host_nics "$h"
  seed_libvirt_dirs "$h"
  create_host_mntns "$h"
  step "$h: libvirtd"
  start_libvirt "$h"
  step "$h: baseline"
  ensure_baseline "$h"
  step "$h: sshd"
  start_sshd "$h"
  step "$h: ready"
}

# The hosts are independent, so they are built side by side; that halves lab:up's time.
build_lab() {
  choose_addresses
  load_addresses
  ensure_pristine_etc
  ensure_ns_mnt_dir
  add_block_fence
  local h pids=() rc=0
  for h in "${UP_HOSTS[@]}"; do
    build_up_host "$h" &
    pids+=($!)
  done
  create_unreachable_host "$DOWN_HOST"
  for h in "${pids[@]}"; do wait "$h" || rc=1; done
  ((rc == 0)) || die "building the hosts failed (messages above)"
}

cmd_up() {
  local reset=
  case "${1:-}" in --reset) reset=1 ;; "") ;; *) die "unknown option for up: $1 (only --reset)" ;; esac
  local started=$SECONDS
  [[ $(id -u) == 0 ]] || die "needs root (running as $(id -un)): namespaces, mounts and users cannot be made otherwise"
  ensure_packages
  require_root_and_netns
  take_lock
  ensure_keys_and_passwords
  ensure_users
  if [[ -z $reset ]] && lab_is_healthy; then
    restore_pins_and_faults
    local h
    for h in "${UP_HOSTS[@]}"; do ensure_baseline "$h"; done
    log "already up; baseline checked"
  else
    teardown_lab
    if [[ -n $reset ]]; then
      for h in "${UP_HOSTS[@]}"; do rm -rf "$(host_dir "$h")/libvirt"; done
    fi
    build_lab
    log "up in $((SECONDS - started)) s"
  fi
  write_hosts_json
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
  *) die "usage: lab.sh up [--reset] | down | status | plan" ;;
esac
