import { familyOf } from "../net";
import { newDhcpHostIssues } from "./schema/edits";
import type { Issue } from "./schema/issues";
import type { DhcpHost, Layer3Network } from "./spec";

// A static host from a form, checked by the model's rules against every copy
// of the network net-update will change (the definition and, when running,
// the live network). libvirt accepts a host outside the subnet and would let
// dnsmasq trip over duplicates, so these checks are ours.

export type HostFields = { mac: string; ip: string; name?: string };

export function toDhcpHost(fields: HostFields): DhcpHost {
  const name = fields.name?.trim();
  return { mac: fields.mac.trim(), ip: fields.ip.trim(), ...(name ? { name } : {}) };
}

function familyFor(ip: string): "ipv4" | "ipv6" {
  return familyOf(ip) ?? "ipv4";
}

/** Field errors keyed "mac", "ip", "name"; the first message per field wins. */
export function hostFieldErrors(specs: Layer3Network[], host: DhcpHost): Record<string, string> {
  const out: Record<string, string> = {};
  const issues: Issue[] = specs.flatMap((spec) => newDhcpHostIssues(spec, familyFor(host.ip), host));
  for (const i of issues) {
    const key = i.path.map(String).join(".") || "ip";
    out[key] ??= i.message;
  }
  return out;
}

/** The existing host a delete names, as the definition holds it (net-update deletes by exact record). */
export function findStaticHost(spec: Layer3Network, mac: string | undefined, ip: string): DhcpHost | undefined {
  const hosts = [...(spec.ipv4?.dhcp?.hosts ?? []), ...(spec.ipv6?.dhcp?.hosts ?? [])];
  return hosts.find((h) => h.ip === ip && (mac === undefined || h.mac?.toLowerCase() === mac.toLowerCase()));
}
