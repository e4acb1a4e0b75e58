import { nicAddresses, type NicAddress } from "@/lib/domain/host/snapshot-addresses";
import type { VmInterface } from "@/lib/domain/host/snapshot";

const SOURCE_TEXT: Record<NicAddress["sources"][number], string> = {
  lease: "DHCP lease",
  arp: "host's ARP table",
  ndp: "host's IPv6 neighbour table",
  agent: "guest agent",
};

/** A NIC's addresses, each with where it was seen (lease, ARP/NDP, guest agent). */
export function NicAddresses({ nic }: { nic: Partial<Pick<VmInterface, "ips" | "addresses">> }) {
  const addresses = nicAddresses(nic);
  if (addresses.length === 0) return <span className="text-zinc-500">Unknown</span>;
  return (
    <ul data-addresses className="space-y-0.5">
      {addresses.map((a) => (
        <li key={a.ip} data-address={a.ip}>
          <span className="font-mono">{a.ip}{a.prefix !== undefined ? `/${a.prefix}` : ""}</span>{" "}
          <span className="text-xs text-zinc-500" title={a.sources.map((s) => SOURCE_TEXT[s]).join(", ")}>{a.sources.join(" · ")}</span>
        </li>
      ))}
    </ul>
  );
}
