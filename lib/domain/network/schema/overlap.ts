// A new network must not overlap (not merely equal) anything the host already
// routes. libvirt itself catches only an exact network+mask match against the
// kernel's routes, and only at net-start; a partial overlap would silently
// shadow part of another network.
import { networkCidr, overlaps, parseCidr, type Cidr } from "../../net/ip";
import { factCidr, isSelf, type HostFacts, type SelfRef } from "../facts";
import { issue, type Issue } from "./issues";

/** The first thing on the host that `subnet` overlaps, named for an operator; null when clear. */
export function overlapMessage(subnet: Cidr, facts: HostFacts, self?: SelfRef): string | null {
  const mine = networkCidr(subnet);
  for (const n of facts.networks) {
    if (isSelf(n, self)) continue;
    for (const s of n.subnets) {
      const c = factCidr(s);
      if (c && overlaps(subnet, c)) return `${mine} overlaps network '${n.name}' (${networkCidr(c)}).`;
    }
  }
  for (const a of facts.addresses) {
    if (self?.bridge && a.ifname === self.bridge) continue;
    const c = parseCidr(a.cidr, { bareIsHost: true });
    if (c && overlaps(subnet, c)) return `${mine} overlaps address ${a.cidr} on ${a.ifname}.`;
  }
  for (const r of facts.routes) {
    if (self?.bridge && r.dev === self.bridge) continue;
    const c = factCidr(r.dst);
    if (c && overlaps(subnet, c)) {
      const via = [r.gateway ? `via ${r.gateway}` : "", r.dev ? `dev ${r.dev}` : ""].filter(Boolean).join(" ");
      return `${mine} overlaps route ${networkCidr(c)}${via ? " " + via : ""}.`;
    }
  }
  return null;
}

export function overlapIssues(subnet: Cidr, facts: HostFacts, self?: SelfRef): Issue[] {
  const m = overlapMessage(subnet, facts, self);
  return m ? [issue([], m)] : [];
}

/** True when `subnet` is free on the host: used by the defaults to pick the first free /24. */
export const isFree = (subnet: Cidr, facts: HostFacts, self?: SelfRef) => overlapMessage(subnet, facts, self) === null;
