# Picks the lab's addresses inside 198.18.0.0/15 (RFC 2544 benchmarking space, never routed
# on the internet) and refuses parts of it that something else on this machine already uses.

BLOCK_BASE=$(( (198 << 24) | (18 << 16) ))   # 198.18.0.0
BLOCK_PREFIX=15
# Routes the lab adds in the root namespace carry this protocol number, so that the lab
# recognises them as its own (and lab:down removes exactly those).
LAB_ROUTE_PROTO=77

ip_to_int() { local IFS=.; set -- $1; echo $(( ($1 << 24) | ($2 << 16) | ($3 << 8) | $4 )); }
int_to_ip() { echo "$(( ($1 >> 24) & 255 )).$(( ($1 >> 16) & 255 )).$(( ($1 >> 8) & 255 )).$(( $1 & 255 ))"; }

# Prints "start end" for every address or route inside the block that is not on a lab
# interface (sy-*). Routes wider than the block do not matter: our more specific /30s win.
foreign_ranges_in_block() {
  local line dest prefix start end dev
  {
    ip -4 -o addr show | awk '{print $4, "dev", $2}'
    ip -4 route show table all | sed -E 's/^(local|broadcast|unreachable|blackhole|prohibit|throw|unicast|multicast|anycast|nat) //'
  } | while read -r dest line; do
    [[ $dest == default ]] && continue
    dev=$(sed -nE 's/.*\bdev ([^ ]+).*/\1/p' <<<"$line")
    [[ $dev == sy-* ]] && continue
    [[ $line =~ (^|\ )proto\ $LAB_ROUTE_PROTO(\ |$) ]] && continue
    [[ $dest == */* ]] || dest="$dest/32"
    prefix=${dest#*/}
    [[ ${dest%/*} =~ ^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$ ]] || continue
    ((prefix >= BLOCK_PREFIX)) || continue
    start=$(( $(ip_to_int "${dest%/*}") & ~((1 << (32 - prefix)) - 1) & 0xffffffff ))
    (( (start >> (32 - BLOCK_PREFIX)) == (BLOCK_BASE >> (32 - BLOCK_PREFIX)) )) || continue
    end=$(( start + (1 << (32 - prefix)) - 1 ))
    echo "$start $end $dest ${dev:-?}"
  done
}

# Prints the first /24 of the block (as an integer) that no foreign address or route
# touches, or fails with one line naming what is in the way.
pick_block() {
  local ranges candidate cand_end clash s e what dev
  ranges=$(foreign_ranges_in_block)
  for ((candidate = BLOCK_BASE; candidate < BLOCK_BASE + (1 << (32 - BLOCK_PREFIX)); candidate += 256)); do
    cand_end=$((candidate + 255)); clash=
    while read -r s e what dev; do
      [[ -n $s ]] || continue
      if ((s <= cand_end && e >= candidate)); then clash="$what on $dev"; break; fi
    done <<<"$ranges"
    if [[ -z $clash ]]; then echo "$candidate"; return 0; fi
  done
  die "no free /24 left in 198.18.0.0/15: this machine already uses it ($clash); remove that route or address"
}

# True when the lab's current /24 (from addresses.env) is still free of foreign use.
current_block_is_free() {
  local base s e what dev
  base=$(block_base)
  while read -r s e what dev; do
    [[ -n $s ]] || continue
    ((s <= base + 255 && e >= base)) && return 1
  done <<<"$(foreign_ranges_in_block)"
  return 0
}

# The plan inside the lab's /24 (base = its first address):
#   base+0   … base+127   uplinks: host i (host_index) gets the /30 at base+4i, root end +1, host +2
#   base+128 … base+255   the LAN (/25): router +129, host i's LAN NIC +130+i,
#                         +160 … +191 free for static test guests, +192 … +253 the LAN's DHCP pool
# Everything stays inside the /24 that every host's guard rail allows.
LAN_PREFIX=25

# Picks a free /24 and writes addresses.env for it.
choose_addresses() {
  local candidate
  candidate=$(pick_block) || exit 1
  if [[ $candidate != "$BLOCK_BASE" ]]; then
    log "198.18.0.0/24 is in use on this machine; using $(int_to_ip "$candidate")/24"
  fi
  write_addresses "$candidate"
}

# $LAB_DIR/run/addresses.env: the block, and every possible host's uplink pair (read by
# people and tests; the scripts compute the same values with addr_of/root_end_of).
write_addresses() {
  local base=$1 h i var letter
  mkdir -p "$LAB_DIR/run"
  {
    echo "LAB_BLOCK=$(int_to_ip "$base")/24"
    for ((i = 0; i < MAX_UP_HOSTS; i++)); do
      letter=${HOST_LETTERS:i:1}
      for h in "hv-$letter" $([[ $letter == b ]] && echo "$DOWN_HOST"); do
        var=${h//-/_}
        echo "ROOT_END_${var}=$(int_to_ip $((base + 4 * $(host_index "$h") + 1)))"
        echo "ADDR_${var}=$(int_to_ip $((base + 4 * $(host_index "$h") + 2)))"
      done
    done
  } >"$LAB_DIR/run/addresses.env.tmp"
  mv "$LAB_DIR/run/addresses.env.tmp" "$LAB_DIR/run/addresses.env"
}

load_addresses() { [[ -r $LAB_DIR/run/addresses.env ]] && source "$LAB_DIR/run/addresses.env" && [[ -n ${LAB_BLOCK:-} ]]; }
block_base() { ip_to_int "${LAB_BLOCK%/*}"; }
addr_of() { int_to_ip $(($(block_base) + 4 * $(host_index "$1") + 2)); }
root_end_of() { int_to_ip $(($(block_base) + 4 * $(host_index "$1") + 1)); }
lan_router() { int_to_ip $(($(block_base) + 129)); }
lan_subnet() { echo "$(int_to_ip $(($(block_base) + 128)))/$LAN_PREFIX"; }
lan_addr_of() { int_to_ip $(($(block_base) + 130 + $(host_index "$1"))); }
lan_static_range() { echo "$(int_to_ip $(($(block_base) + 160))) $(int_to_ip $(($(block_base) + 191)))"; }
lan_dhcp_range() { echo "$(int_to_ip $(($(block_base) + 192))) $(int_to_ip $(($(block_base) + 253)))"; }

# Everything in the lab's /24 that is not one of its /30s is unreachable in the root
# namespace: a packet for an unused lab address must never follow the default route out
# (on machines where the root namespace forwards).
add_block_fence() {
  ip route add unreachable "$LAB_BLOCK" proto "$LAB_ROUTE_PROTO"
}
