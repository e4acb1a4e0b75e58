import type { HostSnapshot, SnapshotNetwork } from "@/lib/domain/host/snapshot";
import { labFacts } from "../topology/support/lab-facts";

// hv-b with the topology fixtures' extras: br0 (port eth1) used by a running
// VM, macvtap on eth2, an isolated network, and eth0 carrying SSH.
export const SSH_ADDRESS = "198.18.0.6";

export function hostB(): HostSnapshot {
  return labFacts("hv-b-extra");
}

export function bridgeNetworkOn(bridge: string, name = "sy-if-brnet"): SnapshotNetwork {
  return {
    uuid: "00000000-0000-4000-8000-000000000001", name, active: false, autostart: false, persistent: true,
    xml: "", spec: { mode: "bridge", name, hostBridge: bridge }, connections: 0, leases: [],
  };
}

/** The snapshot with a free TAP device added (nobody uses it). */
export function withFreeTap(s: HostSnapshot, name = "syif-tap0"): HostSnapshot {
  return { ...s, links: [...s.links, { ifname: name, ifindex: 99, up: false, kind: "tun" }] };
}
