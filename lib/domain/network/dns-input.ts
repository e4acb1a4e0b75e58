import { familyOf } from "../net";
import { dnsIssues, domainIssues } from "./schema/dns";
import type { DnsForwarder, Layer3Network } from "./spec";

// The DNS settings form: a domain (blank = none) and forwarders, one per line
// as "ADDRESS" or "DOMAIN ADDRESS" (or "DOMAIN" alone: answered locally only).

export type SettingsFields = { domain: string; forwarders: string };

export function parseForwarders(text: string): DnsForwarder[] {
  return text
    .split("\n")
    .map((line) => line.trim().split(/\s+/).filter(Boolean))
    .filter((words) => words.length > 0)
    .map((words) => {
      if (words.length === 1) return familyOf(words[0]!) ? { addr: words[0]! } : { domain: words[0]! };
      return { domain: words[0]!, addr: words[1]! };
    });
}

/** The network with the new settings, or field errors keyed "domain" / "forwarders". */
export function applySettings(spec: Layer3Network, fields: SettingsFields): { ok: true; next: Layer3Network } | { ok: false; fieldErrors: Record<string, string> } {
  const domain = fields.domain.trim();
  const forwarders = parseForwarders(fields.forwarders);
  const fieldErrors: Record<string, string> = {};
  const domainProblem = domain ? domainIssues(domain)[0] : undefined;
  if (domainProblem) fieldErrors.domain = domainProblem.message;
  const forwarderProblem = dnsIssues({ forwarders, hosts: [] })[0];
  if (forwarderProblem) fieldErrors.forwarders = `Line ${Number(forwarderProblem.path[1]) + 1}: ${forwarderProblem.message}`;
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  const { domain: oldDomain, ...rest } = spec;
  const dns = { ...(spec.dns ?? { hosts: [] }), forwarders };
  const next = { ...rest, dns, ...(domain ? { domain: { ...oldDomain, name: domain } } : {}) } as Layer3Network;
  return { ok: true, next };
}
