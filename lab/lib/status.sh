# lab:status: per host, whether its sshd answers, its libvirt version and its networks.

tcp_answers() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/22" 2>/dev/null; }

print_status() {
  if ! load_addresses; then echo "lab is down (no .lab/run/addresses.env; run npm run lab:up)"; return 0; fi
  local h
  for h in "${UP_HOSTS[@]}"; do
    local addr reach version
    addr=$(addr_of "$h")
    tcp_answers "$addr" && reach=reachable || reach=UNREACHABLE
    if [[ -e $(mntns_file "$h") ]] && version=$(timeout 10 nsenter --mount="$(mntns_file "$h")" --net="/run/netns/$(netns_of "$h")" -- \
      virsh -c qemu:///system version --daemon 2>/dev/null | sed -nE 's/^Running against daemon: (.*)/\1/p') && [[ -n $version ]]; then
      echo "$h $addr: ssh $reach, libvirt $version"
      timeout 10 nsenter --mount="$(mntns_file "$h")" --net="/run/netns/$(netns_of "$h")" -- \
        virsh -c qemu:///system net-list --all | sed -n '3,$p' | sed '/^$/d; s/^/    /'
    else
      echo "$h $addr: ssh $reach, libvirt NOT RUNNING"
    fi
  done
  addr=$(addr_of "$DOWN_HOST")
  if [[ -e /run/netns/$(netns_of "$DOWN_HOST") ]]; then
    tcp_answers "$addr" && echo "$DOWN_HOST $addr: ANSWERS (it should drop everything)" ||
      echo "$DOWN_HOST $addr: silent (drops every packet, as intended)"
  else
    echo "$DOWN_HOST $addr: MISSING namespace"
  fi
}
