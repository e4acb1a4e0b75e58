# Open vSwitch on an up host. This kernel has no openvswitch module, so each host runs its
# own ovsdb-server and ovs-vswitchd with the userspace datapath (datapath_type=netdev).
# Like libvirt's, the host's /etc/openvswitch and /run/openvswitch are private directories
# bind-mounted inside its mount namespace: plain `ovs-vsctl` there (which libvirt runs for
# <virtualport type='openvswitch'/>) reaches that host's database at the default socket.
# Everything only adds what is missing, so lab:up applies it to a running host too.

OVS_BRIDGE=ovsbr0
OVS_DIRS=(etc:/etc/openvswitch run:/run/openvswitch)

ovs_dir() { echo "$(host_dir "$1")/ovs"; }

# The bind mounts, added to the host's live mount namespace when missing. A directory
# already bound shows the same device and inode inside as the source has outside.
ensure_ovs_mounts() {
  local h=$1 pair src dst
  for pair in "${OVS_DIRS[@]}"; do
    src=$(ovs_dir "$h")/${pair%%:*}; dst=${pair#*:}
    mkdir -p "$src"
    if [[ $(in_host "$h" stat -L -c %d:%i "$dst" 2>/dev/null) != "$(stat -L -c %d:%i "$src")" ]]; then
      in_host "$h" sh -c 'mkdir -p "$2" && mount --bind "$1" "$2"' sh "$src" "$dst"
    fi
  done
}

ovs_daemon_alive() {
  local pid
  pid=$(pid_from "$(ovs_dir "$1")/run/$2.pid")
  [[ -n $pid && $(cat "/proc/$pid/comm" 2>/dev/null) == "$2" ]] && pid_running "$pid"
}

# Both daemons running and the database answering on its socket.
ovs_healthy() {
  ovs_daemon_alive "$1" ovsdb-server && ovs_daemon_alive "$1" ovs-vswitchd &&
    in_host "$1" ovs-vsctl --timeout=5 show >/dev/null 2>&1
}

start_ovs() {
  local h=$1 d p pid
  d=$(ovs_dir "$h")
  # A half-running switch (one daemon dead) is restarted whole.
  for p in ovs-vswitchd ovsdb-server; do
    if ovs_daemon_alive "$h" "$p"; then
      pid=$(pid_from "$d/run/$p.pid"); kill "$pid"
      wait_until 5 eval "! pid_running $pid" || kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  find "$d/run" -mindepth 1 -delete
  mkdir -p "$d/log"
  [[ -s $d/etc/conf.db ]] ||
    in_host "$h" ovsdb-tool create /etc/openvswitch/conf.db /usr/share/openvswitch/vswitch.ovsschema
  in_host "$h" ovsdb-server /etc/openvswitch/conf.db --remote=punix:/run/openvswitch/db.sock \
    --pidfile=/run/openvswitch/ovsdb-server.pid --detach -vconsole:off --log-file="$d/log/ovsdb-server.log"
  in_host "$h" ovs-vsctl --no-wait init
  # Without this, TCP through the userspace datapath between veths fails: the veths leave
  # checksums to "hardware" (CHECKSUM_PARTIAL) and a packet socket hands them on unfilled.
  # With it, OVS reads and writes virtio-net headers and the checksums get completed.
  in_host "$h" ovs-vsctl --no-wait set Open_vSwitch . other_config:userspace-tso-enable=true
  in_host "$h" ovs-vswitchd unix:/run/openvswitch/db.sock \
    --pidfile=/run/openvswitch/ovs-vswitchd.pid --detach -vconsole:off --log-file="$d/log/ovs-vswitchd.log"
}

ensure_ovs() {
  local h=$1
  ensure_ovs_mounts "$h"
  ovs_healthy "$h" || start_ovs "$h"
  ensure_lan_veth "$h" "$LAN_OVS_NIC"
  in_host "$h" ovs-vsctl --timeout=30 --may-exist add-br "$OVS_BRIDGE" -- set bridge "$OVS_BRIDGE" datapath_type=netdev \
    -- --may-exist add-port "$OVS_BRIDGE" "$LAN_OVS_NIC"
  # Ports of probe guests whose veth is gone (a killed test): OVS would keep them forever.
  local port
  for port in $(in_host "$h" ovs-vsctl --timeout=10 list-ports "$OVS_BRIDGE" | grep -E '^syp' || true); do
    ip -n "$(netns_of "$h")" link show dev "$port" >/dev/null 2>&1 ||
      in_host "$h" ovs-vsctl --timeout=10 --if-exists del-port "$OVS_BRIDGE" "$port"
  done
}

ovs_pidfiles() {
  local h=$1 p
  for p in ovs-vswitchd ovsdb-server; do echo "$(ovs_dir "$h")/run/$p.pid $p"; done
}
