// What changed between two versions of a network, for the XML editor's
// review: identity changes are refused (libvirt cannot rename, and a new UUID
// is a different network), and every other change is listed with whether it
// waits for a restart. Only DHCP reservations and DNS host records can be
// applied live (net-update); a redefinition reaches a running network's
// dnsmasq and bridge only when it restarts.
import { issue, type Issue } from "./schema/issues";
import type { NetworkSpec } from "./spec";

export type SpecChange = { path: string; restart: boolean };

const LIVE = new Set(["ipv4.dhcp.hosts", "ipv6.dhcp.hosts", "dns.hosts"]);

/** The sections compared: deep enough that the live-updatable lists stand alone. */
function sections(spec: NetworkSpec): Map<string, string> {
  const out = new Map<string, string>();
  const put = (path: string, value: unknown) => out.set(path, JSON.stringify(value ?? null));
  const s = spec as Record<string, unknown>;
  for (const [key, value] of Object.entries(s)) {
    if ((key === "ipv4" || key === "ipv6") && value && typeof value === "object") {
      const { dhcp, ...rest } = value as Record<string, unknown> & { dhcp?: { ranges: unknown; hosts: unknown } };
      put(key, rest);
      put(`${key}.dhcp`, dhcp ? { present: true, ranges: dhcp.ranges } : null);
      put(`${key}.dhcp.hosts`, dhcp?.hosts ?? []);
    } else if (key === "dns" && value && typeof value === "object") {
      const { hosts, ...rest } = value as Record<string, unknown>;
      put("dns", rest);
      put("dns.hosts", hosts ?? []);
    } else put(key, value);
  }
  return out;
}

export function diffSpecs(before: NetworkSpec, after: NetworkSpec): SpecChange[] {
  const a = sections(before);
  const b = sections(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  const empty = (v: string | undefined) => v === undefined || v === "null" || v === "[]";
  return paths
    .filter((p) => a.get(p) !== b.get(p) && !(empty(a.get(p)) && empty(b.get(p))))
    .map((path) => ({ path, restart: !LIVE.has(path) }));
}

/** Name and UUID must stay as they are when editing an existing network. */
export function identityIssues(before: NetworkSpec, after: NetworkSpec): Issue[] {
  const out: Issue[] = [];
  if (after.name !== before.name) out.push(issue(["name"], `The name cannot be changed (libvirt cannot rename a network): keep '${before.name}'.`));
  if (before.uuid !== undefined && after.uuid !== undefined && after.uuid.toLowerCase() !== before.uuid.toLowerCase()) {
    out.push(issue(["uuid"], `The UUID cannot be changed: keep ${before.uuid}.`));
  }
  return out;
}
