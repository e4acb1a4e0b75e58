// DNS domain, host records and forwarders. dnsmasq takes these names into its
// config file, so they are held to RFC 1123 rather than to whatever libvirt
// lets through.
import { familyOf } from "../../net/ip";
import { isDnsLabel, isDnsName } from "../../net/names";
import type { Dns } from "../spec";
import { issue, type Issue } from "./issues";

const DOMAIN_MESSAGE = "Use letters, digits and '-' in dot-separated labels, such as lab.example.";

export function domainIssues(name: string): Issue[] {
  return isDnsName(name) ? [] : [issue([], DOMAIN_MESSAGE)];
}

/** virt-manager's default: the network name when it is a valid DNS label, blank otherwise. */
export const defaultDomainFor = (networkName: string) => (isDnsLabel(networkName) ? networkName : "");

export function dnsIssues(dns: Dns): Issue[] {
  const out: Issue[] = [];
  dns.hosts.forEach((h, i) => {
    if (familyOf(h.ip) === null) out.push(issue(["hosts", i, "ip"], "Enter an IPv4 or IPv6 address."));
    if (h.hostnames.length === 0) out.push(issue(["hosts", i, "hostnames"], "Enter at least one host name."));
    h.hostnames.forEach((n, j) => {
      if (!isDnsName(n)) out.push(issue(["hosts", i, "hostnames", j], `'${n}' is not a valid host name. ${DOMAIN_MESSAGE}`));
    });
  });
  dns.forwarders.forEach((f, i) => {
    if (f.addr === undefined && f.domain === undefined) {
      out.push(issue(["forwarders", i, "addr"], "Enter the address of a DNS server, a domain, or both."));
    }
    if (f.addr !== undefined && familyOf(f.addr) === null) out.push(issue(["forwarders", i, "addr"], "Enter the IPv4 or IPv6 address of a DNS server."));
    if (f.domain !== undefined && !isDnsName(f.domain)) out.push(issue(["forwarders", i, "domain"], DOMAIN_MESSAGE));
  });
  return out;
}
