// Forward device and bridge names, checked against the host's interfaces.
import { isInterfaceName } from "../../net/names";
import { isSelf, type HostFacts, type SelfRef } from "../facts";
import { issue, type Issue } from "./issues";

export const IFNAME_MESSAGE = "Use an interface name of at most 15 letters, digits, '_', '.' or '-', not starting with '-'.";

/** A device the network forwards through (nat/route dev, macvtap interfaces, hostdev pf) must exist. */
export function deviceExistsIssues(dev: string, facts: HostFacts): Issue[] {
  if (!isInterfaceName(dev)) return [issue([], IFNAME_MESSAGE)];
  return facts.interfaces.includes(dev) ? [] : [issue([], `There is no interface '${dev}' on this host.`)];
}

/** libvirt refuses to define a NAT, routed or open network without an address ("no IP address provided"). */
export function forwardNeedsAddressMessage(mode: "nat" | "route" | "open"): string {
  const label = { nat: "A NAT", route: "A routed", open: "An open" }[mode];
  return `${label} network needs an IPv4 or IPv6 address: libvirt refuses one without.`;
}

export const OPEN_DEV_MESSAGE = "An open network cannot use a specific device (libvirt refuses one): choose 'Any physical device'.";

/**
 * The bridge libvirt creates for the network. Linux limits interface names to
 * 15 characters; libvirt accepts a longer one at define and fails at start.
 */
export function bridgeNameIssues(name: string): Issue[] {
  if (name.length > 15) return [issue([], "Use at most 15 characters: Linux cannot create a longer interface name.")];
  return isInterfaceName(name) ? [] : [issue([], IFNAME_MESSAGE)];
}

/** The bridge name must not be in use by another network or by any host interface. */
export function bridgeInUseIssues(name: string, facts: HostFacts, self?: SelfRef): Issue[] {
  const owner = facts.networks.find((n) => n.bridge === name && !isSelf(n, self));
  if (owner) return [issue([], `Bridge '${name}' is already used by network '${owner.name}'.`)];
  const mine = self?.bridge === name;
  if (!mine && (facts.bridges.includes(name) || facts.interfaces.includes(name))) {
    return [issue([], `An interface named '${name}' already exists on this host.`)];
  }
  return [];
}

/** A bridge network attaches to a host bridge that must already exist. */
export function hostBridgeIssues(name: string, facts: HostFacts): Issue[] {
  if (!isInterfaceName(name)) return [issue([], IFNAME_MESSAGE)];
  return facts.bridges.includes(name) ? [] : [issue([], `There is no bridge '${name}' on this host.`)];
}
