import type { SnapshotNetwork } from "@/lib/domain/host/snapshot";
import { yesNo, type NetworkRow } from "@/lib/domain/host/snapshot-rows";

function dnsText(n: SnapshotNetwork): string {
  const spec = n.spec;
  if (!spec || !("dns" in spec) || !spec.dns) return "Default (dnsmasq)";
  const dns = spec.dns;
  if (dns.enable === false) return "Disabled";
  const parts = [
    ...dns.forwarders.map((f) => `forwarder ${[f.domain, f.addr].filter(Boolean).join(" → ")}`),
    ...dns.hosts.map((h) => `${h.ip} ${h.hostnames.join(" ")}`),
  ];
  return parts.length ? parts.join("; ") : "Default (dnsmasq)";
}

/** Every list column plus what only the network page shows. */
export function NetworkOverview({ network, row }: { network: SnapshotNetwork; row: NetworkRow }) {
  const spec = network.spec;
  const mtu = spec && "mtu" in spec && spec.mtu ? String(spec.mtu) : "Default";
  const domain = spec && "domain" in spec && spec.domain ? spec.domain.name : "None";
  const facts: [string, string][] = [
    ["Name", row.name],
    ["UUID", row.uuid],
    ["State", row.state],
    ["Autostart", yesNo(row.autostart)],
    ["Persistent", yesNo(row.persistent)],
    ["Bridge", row.bridge || "None"],
    ["Forwarding", row.forwarding],
    ["IPv4", row.ipv4 || "None"],
    ["IPv6", row.ipv6 || "None"],
    ["DHCP range", row.dhcp || "Off"],
    ["VMs", String(row.vms)],
    ["MTU", mtu],
    ["Domain", domain],
    ["DNS", dnsText(network)],
  ];
  return (
    <dl aria-label="Overview" className="grid grid-cols-[max-content_1fr] gap-x-8 gap-y-2 text-sm">
      {facts.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-zinc-500 dark:text-zinc-400">{term}</dt>
          <dd data-field={term} className="break-all">{value}</dd>
        </div>
      ))}
      {network.parseError ? <><dt className="text-zinc-500">Note</dt><dd>Part of this network&apos;s XML is not understood: {network.parseError}</dd></> : null}
    </dl>
  );
}
