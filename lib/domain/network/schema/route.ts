// A static route: guests reach address/prefix via a gateway inside this
// network. virt-manager asks for an IPv4 prefix of at most /28; we apply /64
// to IPv6 by the same reasoning (libvirt itself accepts any). The gateway has
// to be reachable on the bridge, so it must lie inside the network.
import { contains, familyOf, networkAddress, networkCidr, parseCidr, sameAddress, type Cidr, type Family } from "../../net/ip";
import { issue, type Issue, type Path } from "./issues";
import { familyName } from "./subnet";

export const ROUTE_PREFIX_MAX: Record<Family, number> = { ipv4: 28, ipv6: 64 };

type Problem = { on: "address" | "prefix"; message: string } | null;

function destinationIssue(family: Family, dest: Cidr | null, text: string): Problem {
  const fam = familyName(family);
  if (!dest || dest.family !== family) {
    return { on: "address", message: `Enter an ${fam} network such as ${family === "ipv4" ? "10.1.2.0/24" : "fd00:aaaa::/48"}.` };
  }
  if (dest.prefix > ROUTE_PREFIX_MAX[family]) return { on: "prefix", message: `Use a prefix of /${ROUTE_PREFIX_MAX[family]} or shorter.` };
  if (!sameAddress(dest.address, networkAddress(dest))) {
    return { on: "address", message: `${text} has host bits set: did you mean ${networkCidr(dest)}?` };
  }
  return null;
}

/** The route given as a CIDR string (the wizard's "to Network") and a gateway. */
export function routeFieldIssues(
  net: Cidr,
  route: { network: string; gateway: string },
  paths: { network: Path; gateway: Path },
): Issue[] {
  const dest = parseCidr(route.network.trim());
  const out: Issue[] = [];
  const d = destinationIssue(net.family, dest, route.network.trim());
  if (d) out.push(issue(paths.network, d.message));
  out.push(...gatewayIssues(net, route.gateway, paths.gateway));
  return out;
}

/** The route as the spec holds it: address, prefix, gateway. */
export function routeIssues(net: Cidr, route: { address: string; prefix: number; gateway: string }): Issue[] {
  const valid = familyOf(route.address) === net.family && Number.isInteger(route.prefix) && route.prefix >= 0;
  const dest: Cidr | null = valid ? { family: net.family, address: route.address, prefix: route.prefix } : null;
  const out: Issue[] = [];
  const d = destinationIssue(net.family, dest, `${route.address}/${route.prefix}`);
  if (d) out.push(issue([d.on], d.message));
  out.push(...gatewayIssues(net, route.gateway, ["gateway"]));
  return out;
}

function gatewayIssues(net: Cidr, gateway: string, path: Path): Issue[] {
  if (familyOf(gateway) !== net.family) return [issue(path, `Enter the ${familyName(net.family)} address of the gateway.`)];
  if (!contains(net, gateway)) return [issue(path, `The gateway must be inside ${networkCidr(net)}.`)];
  return [];
}
