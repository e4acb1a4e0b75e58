# The libvirt baseline of an up host (the issue's "Hosts" section). ensure_baseline only
# adds what is missing, so it is safe on a host that already has it or more.

BASELINE_GUESTS=(web1 db1)

ensure_baseline() {
  local h=$1 g
  if ! host_virsh "$h" net-info default >/dev/null 2>&1; then
    host_virsh "$h" net-define "$LAB_SRC/xml/default-network.xml" >/dev/null
  fi
  # Read net-info once: piping into grep -q could cut virsh off and look like a failure.
  local info
  info=$(host_virsh "$h" net-info default)
  grep -Eq "^Autostart:\s+yes" <<<"$info" || host_virsh "$h" net-autostart default >/dev/null
  grep -Eq "^Active:\s+yes" <<<"$info" || host_virsh "$h" net-start default >/dev/null
  if [[ $h == hv-b ]] && ! host_virsh "$h" net-info staging >/dev/null 2>&1; then
    host_virsh "$h" net-define "$LAB_SRC/xml/staging-network.xml" >/dev/null
  fi
  for g in "${BASELINE_GUESTS[@]}"; do
    if ! host_virsh "$h" dominfo "$g" >/dev/null 2>&1; then
      sed "s/@NAME@/$g/" "$LAB_SRC/xml/guest.xml" | host_virsh "$h" define /dev/stdin >/dev/null
    fi
  done
  # Guests boot side by side: a TCG start is seconds of CPU on a loaded machine.
  local pids=() rc=0 p
  for g in "${BASELINE_GUESTS[@]}"; do
    if [[ $(host_virsh "$h" domstate "$g") != running ]]; then
      host_virsh "$h" start "$g" >/dev/null &
      pids+=($!)
    fi
  done
  for p in "${pids[@]}"; do wait "$p" || rc=1; done
  ((rc == 0)) || die "could not start the baseline guests on $h"
}
