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
  base=$(( $(ip_to_int "$(addr_of hv-a)") & ~255 ))
  while read -r s e what dev; do
    [[ -n $s ]] || continue
    ((s <= base + 255 && e >= base)) && return 1
  done <<<"$(foreign_ranges_in_block)"
  return 0
}

# Writes the per-host /30s of the chosen /24 to $LAB_DIR/run/addresses.env. Host i gets
# base+4i: root end +1, host end +2.
choose_addresses() {
  local candidate
  candidate=$(pick_block) || exit 1
  if [[ $candidate != "$BLOCK_BASE" ]]; then
    log "198.18.0.0/24 is in use on this machine; using $(int_to_ip "$candidate")/24"
  fi
  mkdir -p "$LAB_DIR/run"
  {
    echo "LAB_BLOCK=$(int_to_ip "$candidate")/24"
    local i=0 h
    for h in "${ALL_HOSTS[@]}"; do
      local var=${h//-/_}
      echo "ROOT_END_${var}=$(int_to_ip $((candidate + 4 * i + 1)))"
      echo "ADDR_${var}=$(int_to_ip $((candidate + 4 * i + 2)))"
      i=$((i + 1))
    done
  } >"$LAB_DIR/run/addresses.env"
}

load_addresses() { [[ -r $LAB_DIR/run/addresses.env ]] && source "$LAB_DIR/run/addresses.env"; }
addr_of() { local v="ADDR_${1//-/_}"; echo "${!v}"; }
root_end_of() { local v="ROOT_END_${1//-/_}"; echo "${!v}"; }

# Everything in the lab's /24 that is not one of its /30s is unreachable in the root
# namespace: a packet for an unused lab address must never follow the default route out
# (on machines where the root namespace forwards).
add_block_fence() {
  ip route add unreachable "$LAB_BLOCK" proto "$LAB_ROUTE_PROTO"
}
