# The private mount namespace of one up host: its own /etc/libvirt, /run/libvirt,
# /var/lib/libvirt and /var/log/libvirt, and a /sys that shows its network namespace
# (libvirt reads bridge state from sysfs). The namespace is pinned by a bind mount onto
# $NS_MNT_DIR/<host>.mnt, so it outlives the commands that set it up.

PRISTINE_ETC="$LAB_DIR/pristine/etc-libvirt"

# The directory holding the namespace files must not propagate mounts (it would loop);
# bind it onto itself as a private mount, the way `ip netns` treats /run/netns.
ensure_ns_mnt_dir() {
  mkdir -p "$NS_MNT_DIR"
  mountpoint -q "$NS_MNT_DIR" || mount --bind "$NS_MNT_DIR" "$NS_MNT_DIR"
  mount --make-private "$NS_MNT_DIR"
}

# A copy of the packaged /etc/libvirt without any defined domains or networks, plus the
# socket settings that let the libvirt group in without polkit (no system D-Bus here).
ensure_pristine_etc() {
  [[ -s $PRISTINE_ETC/libvirtd.conf ]] && return 0
  rm -rf "$PRISTINE_ETC"; mkdir -p "$(dirname "$PRISTINE_ETC")"
  cp -a /etc/libvirt "$PRISTINE_ETC"
  rm -rf "$PRISTINE_ETC"/qemu/*.xml "$PRISTINE_ETC"/qemu/autostart \
    "$PRISTINE_ETC"/qemu/networks/*.xml "$PRISTINE_ETC"/qemu/networks/autostart/* \
    "$PRISTINE_ETC"/storage/*.xml "$PRISTINE_ETC"/storage/autostart "$PRISTINE_ETC"/secrets/*
}

# Sets KEY = VALUE in a libvirt config file, replacing any earlier uncommented setting.
set_libvirt_option() {
  local file=$1 key=$2 value=$3
  sed -i -E "/^\s*$key\s*=/d" "$file"
  echo "$key = $value" >>"$file"
}

# The settings the lab depends on, applied at every start so that state made by an older
# version of the lab gets them too.
apply_lab_libvirt_settings() {
  local etc=$1
  # No polkit or system D-Bus here: the libvirt group is what lets operator in.
  set_libvirt_option "$etc/libvirtd.conf" unix_sock_group '"libvirt"'
  set_libvirt_option "$etc/libvirtd.conf" unix_sock_rw_perms '"0770"'
  set_libvirt_option "$etc/libvirtd.conf" auth_unix_rw '"none"'
  # The host's private /sys hides the cgroup mounts ("Failed to create v1 controller
  # cpu"), and the lab needs no resource control.
  set_libvirt_option "$etc/qemu.conf" cgroup_controllers '[ ]'
  # No private /dev per guest: it would try to carry over the /dev/kvm mask below.
  set_libvirt_option "$etc/qemu.conf" namespaces '[ ]'
}

# Per-host libvirt directories: seeded once (kept across down/up unless --reset), except
# run/, which only describes live daemons and is emptied at every start.
seed_libvirt_dirs() {
  local base
  base=$(host_dir "$1")/libvirt
  if [[ ! -s $base/etc/libvirtd.conf ]]; then
    rm -rf "$base/etc"; mkdir -p "$base"; cp -a "$PRISTINE_ETC" "$base/etc"
  fi
  apply_lab_libvirt_settings "$base/etc"
  mkdir -p "$base/lib"/{dnsmasq,network,images,boot} "$base/log/qemu"
  install -d -o libvirt-qemu -g libvirt-qemu -m 0750 "$base/lib/qemu"
  rm -rf "$base/run"; mkdir -p "$base/run"
}

create_host_mntns() {
  local h=$1 base file args=() pair
  base=$(host_dir "$h")/libvirt; file=$(mntns_file "$h")
  for pair in "${LIBVIRT_DIRS[@]}"; do
    mkdir -p "${pair#*:}"
    args+=("$base/${pair%%:*}" "${pair#*:}")
  done
  # Each host keeps its own QEMU capabilities cache, outside libvirt/ so --reset keeps it:
  # the probe costs seconds of CPU, and a shared cache gets re-probed by each host in turn.
  mkdir -p /var/cache/libvirt "$(host_dir "$h")/cache"
  args+=("$(host_dir "$h")/cache" /var/cache/libvirt)
  # Guests are TCG only. Without this mask libvirt sees a /dev/kvm that its qemu user
  # cannot open, disagrees with its cached QEMU capabilities and re-probes QEMU at every
  # guest start (tens of seconds on a busy machine).
  if [[ -e /dev/kvm ]]; then
    [[ -e $LAB_DIR/no-kvm ]] || { touch "$LAB_DIR/no-kvm"; chmod 000 "$LAB_DIR/no-kvm"; }
    args+=("$LAB_DIR/no-kvm" /dev/kvm)
  fi
  # Root's home on this machine runs slow shell start-up (pyenv init in ~/.bashrc), which
  # bash sources for every command sshd runs. A lab host is its own machine: give its root
  # an empty home of its own, so one SSH command costs what it would on a real hypervisor.
  local home
  home=$(host_dir "$h")/root-home
  mkdir -p "$home"; chmod 700 "$home"; touch "$home/$LAB_HOME_MARKER"
  args+=("$home" /root)
  touch "$file"
  unshare --mount="$file" --propagation private \
    nsenter --net="/run/netns/$(netns_of "$h")" -- sh -c '
      set -e
      mount -t sysfs sysfs /sys
      while [ $# -gt 0 ]; do mount --bind "$1" "$2"; shift 2; done' sh "${args[@]}"
}
