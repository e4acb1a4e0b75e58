// Rules for the single-record edits of the DHCP and DNS tabs (net-update),
// which check one new record against the network as it stands. Paths are
// relative to the record: ["mac"], ["ip"], ["hostnames", 0]…
import { parseCidr } from "../../net/ip";
import type { DhcpHost, DnsHost, Layer3Network } from "../spec";
import { dhcpHostIssues } from "./dhcp";
import { dnsIssues } from "./dns";
import { issue, type Issue } from "./issues";
import { familyName } from "./subnet";

/** A static DHCP host to add to the network's `<ip>` of `family`. */
export function newDhcpHostIssues(spec: Layer3Network, family: "ipv4" | "ipv6", host: DhcpHost): Issue[] {
  const ip = spec[family];
  if (!ip) return [issue(["ip"], `This network has no ${familyName(family)} address.`)];
  const net = parseCidr(`${ip.address}/${ip.prefix}`);
  if (!net) return [issue(["ip"], `This network's ${familyName(family)} address is not valid.`)];
  const existing = ip.dhcp?.hosts ?? [];
  const index = existing.length;
  return dhcpHostIssues(net, ip.address, [...existing, host])
    .filter((i) => i.path[0] === index)
    .map((i) => issue(i.path.slice(1), i.message));
}

/** A DNS host record to add. */
export function newDnsHostIssues(host: DnsHost): Issue[] {
  return dnsIssues({ forwarders: [], hosts: [host] }).map((i) => issue(i.path.slice(2), i.message));
}
