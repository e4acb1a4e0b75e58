import type { BridgePort, HostAddress, HostLink } from "../host/snapshot";

// Sorts the host's links into the lists the interfaces page shows. The kernel
// says what each link is (`linkinfo.info_kind`); a link with no kind, or a
// veth/ethernet-like kind, is a NIC as far as an operator is concerned.

export type LinkKind = "bridge" | "tap" | "macvtap" | "nic" | "loopback";

export function linkKind(link: Pick<HostLink, "ifname" | "kind">): LinkKind {
  if (link.ifname === "lo") return "loopback";
  if (link.kind === "bridge") return "bridge";
  // `ip tuntap` devices (TAP and TUN) report "tun"; libvirt's vnetN are TAPs too.
  if (link.kind === "tun") return "tap";
  if (link.kind === "macvtap") return "macvtap";
  return "nic";
}

export type BridgeRow = { link: HostLink; ports: { ifname: string; state?: string }[]; stp: string };

/**
 * A bridge's ports (with their STP state, from `ip -d -j link`), and the
 * bridge's STP summary: libvirt bridges run STP, so a port "listening" or
 * "learning" does not yet forward traffic.
 */
export function bridgeRows(links: readonly HostLink[], ports: readonly BridgePort[]): BridgeRow[] {
  return links
    .filter((l) => linkKind(l) === "bridge")
    .map((link) => {
      const own = ports.filter((p) => p.master === link.ifname).map((p) => ({ ifname: p.ifname, ...(p.state ? { state: p.state } : {}) }));
      // Ports the kernel lists as enslaved but the port list did not carry (rare: read races).
      for (const l of links) if (l.master === link.ifname && !own.some((p) => p.ifname === l.ifname)) own.push({ ifname: l.ifname });
      own.sort((a, b) => a.ifname.localeCompare(b.ifname));
      return { link, ports: own, stp: stpSummary(own) };
    })
    .sort((a, b) => a.link.ifname.localeCompare(b.link.ifname));
}

function stpSummary(ports: { state?: string }[]): string {
  if (ports.length === 0) return "no ports";
  const states = [...new Set(ports.map((p) => p.state ?? "unknown"))];
  return states.length === 1 ? `all ${states[0]}` : states.join(", ");
}

export const linksOfKind = (links: readonly HostLink[], kind: LinkKind) =>
  links.filter((l) => linkKind(l) === kind).sort((a, b) => a.ifname.localeCompare(b.ifname));

export const addressesOf = (addresses: readonly HostAddress[], ifname: string) =>
  addresses.filter((a) => a.ifname === ifname).map((a) => `${a.local}/${a.prefixlen}`);
