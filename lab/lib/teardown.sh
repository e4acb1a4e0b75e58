# Removes everything the lab put into the kernel: processes, mounts, namespaces, veths.
# Used by lab:down and, before building, by lab:up (a killed run leaves kernel state behind).

# Pidfiles of an up host and the command name each must belong to; a recycled pid that now
# belongs to some other program is left alone.
lab_pidfiles() {
  local h=$1 run f
  run=$(libvirt_run_dir "$h")
  for f in "$run"/qemu/*.pid; do [[ -e $f ]] && echo "$f qemu-system-x86"; done
  for f in "$run"/network/*.pid; do [[ -e $f ]] && echo "$f dnsmasq"; done
  echo "$run/libvirtd.pid libvirtd"
  echo "$run/virtlogd.pid virtlogd"
  echo "$(sshd_dir "$h")/sshd.pid sshd"
  ovs_pidfiles "$h"
}

# Every host that has state under .lab/, whatever --hosts the lab was last brought up with.
known_hosts() {
  local d
  for d in "$LAB_DIR"/hv-*/; do [[ -d $d ]] && basename "$d"; done
}

# Inode numbers of the lab's live network and mount namespaces, to recognise processes
# that live in them.
lab_ns_inodes() {
  local ns f
  for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -E "$LAB_NS_PATTERN" || true); do
    stat -L -c %i "/run/netns/$ns" 2>/dev/null || true
  done
  for f in "$NS_MNT_DIR"/*.mnt; do
    mountpoint -q "$f" 2>/dev/null && stat -L -c %i "$f" 2>/dev/null || true
  done
}

# stop_processes HOSTS... -- INODES...: the daemons in those hosts' pidfiles, and every
# process living in one of the given namespaces.
stop_processes() {
  local pids=() h f comm pid actual
  while (($#)) && [[ $1 != -- ]]; do
    h=$1; shift
    while read -r f comm; do
      pid=$(pid_from "$f")
      [[ -n $pid && -r /proc/$pid/comm ]] || continue
      actual=$(cat "/proc/$pid/comm" 2>/dev/null || true)
      # comm is cut to 15 characters (qemu-system-x86 for qemu-system-x86_64).
      [[ $actual == "$comm"* ]] && pids+=("$pid")
    done < <(lab_pidfiles "$h")
  done
  shift || true
  # Processes without a pidfile still belong to the lab when they live in its namespaces:
  # ssh sessions (and their virsh), a probe's udhcpc, daemons of a run killed mid-start.
  local inodes=" $* "
  if [[ $inodes != "  " ]]; then
    for f in /proc/[0-9]*; do
      pid=${f#/proc/}
      [[ $pid == "$$" || $pid == "$BASHPID" ]] && continue
      # Processes come and go while we look; a vanished one is simply skipped.
      for actual in "$(readlink "$f/ns/net" 2>/dev/null || true)" "$(readlink "$f/ns/mnt" 2>/dev/null || true)"; do
        actual=${actual##*[}; actual=${actual%]}
        if [[ -n $actual && $inodes == *" $actual "* ]]; then pids+=("$pid"); break; fi
      done
    done
  fi
  ((${#pids[@]})) || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  local deadline=$((SECONDS + 5)) alive
  while :; do
    alive=()
    for pid in "${pids[@]}"; do pid_running "$pid" && alive+=("$pid"); done
    ((${#alive[@]})) || break
    if ((SECONDS >= deadline)); then kill -KILL "${alive[@]}" 2>/dev/null || true; sleep 0.2; break; fi
    sleep 0.1
  done
}

stop_lab_processes() {
  local hosts
  mapfile -t hosts < <(known_hosts)
  # shellcheck disable=SC2046
  stop_processes "${hosts[@]}" -- $(lab_ns_inodes)
  # The LAN's DHCP server lives in the root namespace: only its pidfile knows it.
  if lan_dhcp_running; then
    local pid
    pid=$(pid_from "$(LAN_DNSMASQ_PIDFILE)")
    kill "$pid"; wait_until 5 eval "! pid_running $pid" || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$(LAN_DNSMASQ_PIDFILE)"
  stop_lan_dhcp_strays all
}

# Removes up hosts completely (hosts left over from a bigger lab, or one to rebuild),
# leaving the rest of the lab running. One sweep for all of them: stopping processes waits
# for them to exit, and hosts one by one would wait once each.
teardown_hosts() {
  local h ns file inodes=()
  (($#)) || return 0
  for h in "$@"; do
    ns=$(netns_of "$h"); file=$(mntns_file "$h")
    [[ -e /run/netns/$ns ]] && inodes+=("$(stat -L -c %i "/run/netns/$ns")")
    mountpoint -q "$file" 2>/dev/null && inodes+=("$(stat -L -c %i "$file")")
  done
  stop_processes "$@" -- "${inodes[@]}"
  for h in "$@"; do
    ns=$(netns_of "$h"); file=$(mntns_file "$h")
    [[ -d $(host_dir "$h")/libvirt/etc/qemu/networks/autostart ]] &&
      chattr -i "$(host_dir "$h")/libvirt/etc/qemu/networks/autostart" 2>/dev/null || true
    rm -f "$(sshd_dir "$h")/sshd.pid"
    if [[ -e $file ]]; then mountpoint -q "$file" && umount "$file"; rm -f "$file"; fi
    ip netns del "$ns" 2>/dev/null || true
    # Its LAN ports (sy-<host>-…); the uplink's root end went with the namespace.
    local l
    for l in $(ip -o link show | awk -F': ' '{print $2}' | cut -d@ -f1 | grep -E "^sy-$h(-|$)" || true); do
      ip link del "$l" 2>/dev/null || true
    done
  done
}

release_mounts() {
  local f
  for f in "$NS_MNT_DIR"/*.mnt; do
    [[ -e $f ]] || continue
    mountpoint -q "$f" && umount "$f"
    rm -f "$f"
  done
  while mountpoint -q "$NS_MNT_DIR" 2>/dev/null; do umount "$NS_MNT_DIR"; done
  [[ -d $NS_MNT_DIR ]] && rmdir "$NS_MNT_DIR" 2>/dev/null || true
}

remove_lab_links() {
  local ns
  for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -E "$LAB_NS_PATTERN" || true); do
    ip netns del "$ns" 2>/dev/null || true
  done
  # The kernel frees a namespace (and the root ends of its veths) asynchronously.
  lab_root_links() { ip -o link show | awk -F': ' '{print $2}' | cut -d@ -f1 | grep -E '^sy-' || true; }
  no_lab_root_links() { [[ -z $(lab_root_links) ]]; }
  wait_until 5 no_lab_root_links || true
  local l
  for l in $(lab_root_links); do ip link del "$l" 2>/dev/null || true; done
}

teardown_lab() {
  stop_lab_processes
  local h
  # A fault left on would make the next lab:up's net-autostart fail.
  for h in $(known_hosts); do
    [[ -d $(host_dir "$h")/libvirt/etc/qemu/networks/autostart ]] &&
      chattr -i "$(host_dir "$h")/libvirt/etc/qemu/networks/autostart" 2>/dev/null || true
    rm -f "$(sshd_dir "$h")/sshd.pid"
  done
  release_mounts
  remove_lab_links
  remove_lan_guard
  ip route flush proto "$LAB_ROUTE_PROTO" 2>/dev/null || true
  rm -f "$LAB_DIR/run/addresses.env" "$LAB_DIR/run/hosts.env"
}
