# Installs the Debian packages the lab needs, but only those dpkg says are missing, so a
# machine that has them never touches the network.

LAB_PACKAGES=(libvirt-daemon-system libvirt-clients qemu-system-x86 dnsmasq-base openssh-server
  iptables iproute2 busybox chromium postgresql util-linux e2fsprogs openvswitch-switch)

ensure_packages() {
  local missing=() p
  for p in "${LAB_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get to install them"
  log "installing ${missing[*]}"
  # Without systemd, package scripts would start libvirtd/sshd/postgres in the root
  # namespace; a policy-rc.d that says "no" keeps them stopped. Only ours is removed again.
  local own_policy=
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && own_policy=1
  fi
  local rc=0
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >&2 || rc=$?
  [[ -n $own_policy ]] && rm -f /usr/sbin/policy-rc.d
  ((rc == 0)) || die "apt-get could not install: ${missing[*]}"
}
