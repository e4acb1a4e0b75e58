// What the network lists and the Overview show for one network, as text,
// computed from the snapshot alone (the same code runs in server and browser).
import { bridgeOf, dhcpSummary, forwardingLabel, isLayer3, type IpConfig } from "../network";
import type { HostSnapshot, SnapshotNetwork } from "./snapshot";
import { attachedDomains } from "./snapshot-vms";

export type NetworkRow = {
  uuid: string;
  name: string;
  state: "Active" | "Inactive";
  autostart: boolean;
  persistent: boolean;
  bridge: string;
  forwarding: string;
  ipv4: string;
  ipv6: string;
  dhcp: string;
  vms: number;
};

const cidr = (ip: IpConfig | undefined) => (ip ? `${ip.address}/${ip.prefix}` : "");

function dhcpText(n: SnapshotNetwork): string {
  const spec = n.spec;
  if (!spec || !isLayer3(spec)) return "";
  const parts = [spec.ipv4, spec.ipv6].filter((ip): ip is IpConfig => !!ip).map(dhcpSummary);
  return parts.filter((p) => p !== "Off").join("; ") || "Off";
}

export function networkRow(snapshot: Pick<HostSnapshot, "domains">, n: SnapshotNetwork): NetworkRow {
  const spec = n.spec;
  const layer3 = spec && isLayer3(spec) ? spec : null;
  return {
    uuid: n.uuid,
    name: n.name,
    state: n.active ? "Active" : "Inactive",
    autostart: n.autostart,
    persistent: n.persistent,
    bridge: (spec && bridgeOf(spec)) ?? "",
    forwarding: spec ? forwardingLabel(spec) : "Unknown",
    ipv4: cidr(layer3?.ipv4),
    ipv6: cidr(layer3?.ipv6),
    dhcp: dhcpText(n),
    vms: attachedDomains(snapshot, n).length,
  };
}

export function networkRows(snapshot: HostSnapshot): NetworkRow[] {
  return snapshot.networks.map((n) => networkRow(snapshot, n)).sort((a, b) => a.name.localeCompare(b.name));
}

export const yesNo = (value: boolean) => (value ? "Yes" : "No");
