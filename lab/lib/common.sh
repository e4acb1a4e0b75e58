# Shared names, paths and small helpers for the lab scripts.
# Sourced by lab.sh; every other lab/lib/*.sh file relies on these.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LAB_DIR="$REPO_ROOT/.lab"            # keys, passwords, per-host state (git-ignored)
LAB_SRC="$REPO_ROOT/lab"             # the scripts and XML templates
# Mount namespaces are kept alive by bind-mounting them onto files here; it lives in /run
# so a reboot forgets it together with the namespaces it refers to.
NS_MNT_DIR=/run/switchyard-lab
LOCK_FILE=/run/switchyard-lab.lock
# Marks the lab-private home bind-mounted over /root inside each up host.
LAB_HOME_MARKER=.switchyard-lab-home

# Up hosts are hv-a, hv-b, then hv-c … hv-z (lab:up --hosts N); set_up_hosts fills these.
UP_HOSTS=(hv-a hv-b)
DOWN_HOST=hv-down
ALL_HOSTS=(hv-a hv-b hv-down)
# Hosts that run Open vSwitch: hv-a and hv-b always, every host with --full.
OVS_HOSTS=(hv-a hv-b)
# Hosts with the libvirt baseline (default network, web1, db1): the same rule.
BASELINE_HOSTS=(hv-a hv-b)
MAX_UP_HOSTS=26
HOST_LETTERS=abcdefghijklmnopqrstuvwxyz

# set_up_hosts N FULL: the first N up hosts; FULL=1 gives every one OVS and the baseline.
set_up_hosts() {
  local n=$1 full=${2:-} i
  UP_HOSTS=()
  for ((i = 0; i < n; i++)); do UP_HOSTS+=("hv-${HOST_LETTERS:i:1}"); done
  ALL_HOSTS=("${UP_HOSTS[@]}" "$DOWN_HOST")
  if [[ -n $full ]]; then OVS_HOSTS=("${UP_HOSTS[@]}"); BASELINE_HOSTS=("${UP_HOSTS[@]}"); else OVS_HOSTS=(hv-a hv-b); BASELINE_HOSTS=(hv-a hv-b); fi
}

# Index of a host in the address plan: hv-a 0, hv-b 1, hv-down 2 (as in the first lab),
# then hv-c 3, hv-d 4 … so the first three keep their addresses whatever N is.
host_index() {
  local h=$1 letter i
  [[ $h == "$DOWN_HOST" ]] && { echo 2; return; }
  letter=${h#hv-}
  [[ ${#letter} == 1 && $HOST_LETTERS == *"$letter"* ]] || die "not a lab host name: $h"
  i=${HOST_LETTERS%%"$letter"*}; i=${#i}
  ((i < 2)) && echo "$i" || echo $((i + 1))
}

in_list() { local x=$1; shift; local y; for y in "$@"; do [[ $x == "$y" ]] && return 0; done; return 1; }
# Every namespace the lab may leave behind: hosts, probe guests, lab.sh's own netns check.
LAB_NS_PATTERN='^sy-(hv-|probe-|check-)'

# The lab's network namespaces and root-side veth ends share one prefix so that cleanup
# can recognise exactly what the lab made.
netns_of() { echo "sy-$1"; }
uplink_root_end() { echo "sy-$1"; }
host_dir() { echo "$LAB_DIR/$1"; }
mntns_file() { echo "$NS_MNT_DIR/$1.mnt"; }

# The four directories that make one host's libvirt private to it.
LIBVIRT_DIRS=(etc:/etc/libvirt run:/run/libvirt lib:/var/lib/libvirt log:/var/log/libvirt)

log() { echo "lab: $*" >&2; }
die() { echo "lab: $*" >&2; exit 1; }

# Run a command inside an up host: its network namespace and its private mount namespace,
# so virsh there talks to that host's libvirtd. fd 9 (the lab lock) is never inherited,
# otherwise a daemon started here would hold the lock forever.
in_host() {
  local h=$1; shift
  nsenter --mount="$(mntns_file "$h")" --net="/run/netns/$(netns_of "$h")" -- "$@" 9>&-
}
host_virsh() { local h=$1; shift; in_host "$h" virsh -q -c qemu:///system "$@"; }

# Poll a command until it succeeds or the deadline (seconds) passes; no fixed sleeps.
wait_until() {
  local seconds=$1; shift
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}

# Whether a process runs: it exists and is not a zombie. Here PID 1 does not reap the
# orphans it inherits, so a killed daemon stays in /proc (and `kill -0` succeeds) forever.
pid_running() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}

# Read a pid from a pidfile, printing nothing when the file is missing or malformed.
# (libvirt writes its pidfiles without a trailing newline, so `read` would report EOF.)
pid_from() {
  local p=
  [[ -r $1 ]] && p=$(cat "$1" 2>/dev/null || true)
  p=${p//[[:space:]]/}
  if [[ $p =~ ^[0-9]+$ ]]; then echo "$p"; fi
}

# Progress lines with elapsed seconds, shown when LAB_VERBOSE=1 (to see where time goes).
step() { [[ ${LAB_VERBOSE:-} == 1 ]] && echo "lab: [$SECONDS s] $*" >&2 || true; }
