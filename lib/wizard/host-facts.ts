// What the wizard's rules need to know about a host (HostFacts), read from the
// one snapshot the networks pages already use. Pure: the page computes it on
// the server and hands the same facts to the browser, so inline errors and the
// server's re-check judge against the same host.
import { defaultRouteDev } from "@/lib/domain/host/routes";
import type { HostSnapshot } from "@/lib/domain/host/snapshot";
import { networkFact, type HostFacts, type HostNetworkFact } from "@/lib/domain/network";

function networkFacts(snapshot: HostSnapshot): HostNetworkFact[] {
  return snapshot.networks.map((n) =>
    // A network the model cannot read still takes its name.
    n.spec ? { ...networkFact(n.spec, n.active), uuid: n.uuid, name: n.name } : { name: n.name, uuid: n.uuid, active: n.active, subnets: [] },
  );
}

export function hostFactsOf(snapshot: HostSnapshot): HostFacts {
  return {
    networks: networkFacts(snapshot),
    addresses: snapshot.addresses.map((a) => ({ ifname: a.ifname, cidr: `${a.local}/${a.prefixlen}` })),
    routes: snapshot.routes
      .filter((r) => r.dst !== "default" && (r.type === undefined || r.type === "unicast"))
      .map((r) => ({ dst: r.dst, ...(r.dev ? { dev: r.dev } : {}), ...(r.gateway ? { gateway: r.gateway } : {}) })),
    interfaces: snapshot.links.map((l) => l.ifname),
    bridges: snapshot.links.filter((l) => l.kind === "bridge").map((l) => l.ifname),
    ...deviceFacts(snapshot),
  };
}

// What device networks are checked against: Open vSwitch bridges and the ports
// of every bridge (ovs-vsctl's and the kernel's), and the NICs with SR-IOV.
function deviceFacts(snapshot: HostSnapshot): Pick<HostFacts, "ovsBridges" | "bridgePorts" | "sriov"> {
  const ovsPorts = (snapshot.ovs?.bridges ?? []).flatMap((b) =>
    b.ports.flatMap((p) => p.interfaces.filter((i) => i.name !== b.name).map((i) => ({ ifname: i.name, master: b.name }))),
  );
  return {
    ...(snapshot.ovs ? { ovsBridges: snapshot.ovs.bridges.map((b) => b.name) } : {}),
    bridgePorts: [...snapshot.bridgePorts.map((p) => ({ ifname: p.ifname, master: p.master })), ...ovsPorts],
    ...(snapshot.sriov ? { sriov: snapshot.sriov } : {}),
  };
}

/** The interface holding the address the console reaches the host by (its SSH uplink), if the host was registered by address. */
export function sshUplinkOf(snapshot: HostSnapshot, address: string): string | undefined {
  return snapshot.addresses.find((a) => a.local === address)?.ifname;
}

// Devices a network can forward to: the host's NICs, not its bridges, taps,
// guests' macvtaps or loopback (virt-manager lists physical devices only).
const NOT_AN_UPLINK = new Set(["bridge", "tun", "tap", "macvtap", "macvlan", "dummy"]);

export function forwardDestinations(snapshot: HostSnapshot): string[] {
  return snapshot.links
    .filter((l) => l.ifname !== "lo" && !(l.kind && NOT_AN_UPLINK.has(l.kind)) && !l.master)
    .map((l) => l.ifname)
    .sort();
}

/** The device of the host's IPv4 default route: where "Any physical device" leaves in practice. */
export function defaultRouteDevice(snapshot: HostSnapshot): string | undefined {
  return defaultRouteDev(snapshot.routes);
}
