import ipaddr from "ipaddr.js";
import type { NetState, NicAddress, NicRoute, PlanStep } from "@/lib/domain/plan";
import { addressWords, routeWords } from "./uplink-bridge-plan";

// Removing an address or a route from a NIC or bridge, as iproute2 words that
// serve both ways the change can run: as `ip -batch` lines under the dead-man
// switch when it touches the path Switchyard reaches the host through, or as
// plain argv plan steps otherwise. Every word comes from uplink-bridge-plan's
// checked builders (addresses and routes parsed out of iproute2's JSON), so
// splitting a line on spaces gives back exactly its words.
//
// The undo is what was read, re-added: the address with its broadcast, scope
// and flags, and every route the kernel would drop with it, written out in the
// change so the undo can put it back. The kernel's own connected routes come
// back with the address by themselves.

/** One line of the change and the line that undoes it. */
export type RemovalPair = { change: string; undo: string };
export type Removal = { pairs: RemovalPair[]; removedRoutes: NicRoute[]; after: NetState };

const isKernel = (r: NicRoute) => r.protocol === "kernel";
const sameAddress = (a: NicAddress, b: NicAddress) => a.family === b.family && a.local === b.local && a.prefixlen === b.prefixlen;

/**
 * The routes the kernel removes with an address: all of the device's IPv4
 * routes when it was the device's last IPv4 address (the kernel then disables
 * IP on it), otherwise those that name it as their source.
 */
export function routesThatGoWith(device: string, address: NicAddress, before: NetState): NicRoute[] {
  const others = (before.addresses[device] ?? []).filter((a) => a.family === address.family && !sameAddress(a, address));
  const last = address.family === "inet" && others.length === 0;
  return before.routes.filter((r) => r.dev === device && r.family === address.family && !isKernel(r) && (last || r.prefsrc === address.local));
}

export function removeAddress(device: string, address: NicAddress, before: NetState): Removal {
  if (!(before.addresses[device] ?? []).some((a) => sameAddress(a, address))) throw new TypeError(`${address.local}/${address.prefixlen} is not on ${device}`);
  const removedRoutes = routesThatGoWith(device, address, before);
  const pairs: RemovalPair[] = [
    ...removedRoutes.map((r) => ({ change: `route del ${routeWords(r, device)}`, undo: `route add ${routeWords(r, device)}` })),
    { change: `address del ${addressWords(address, device)}`, undo: `address add ${addressWords(address, device)}` },
  ];
  const after: NetState = {
    addresses: { ...before.addresses, [device]: (before.addresses[device] ?? []).filter((a) => !sameAddress(a, address)) },
    routes: before.routes.filter((r) => !removedRoutes.includes(r) && !(r.dev === device && isKernel(r) && r.prefsrc === address.local)),
    masters: before.masters,
  };
  return { pairs, removedRoutes, after };
}

export function removeRoute(route: NicRoute, before: NetState): Removal {
  const device = route.dev;
  return {
    pairs: [{ change: `route del ${routeWords(route, device)}`, undo: `route add ${routeWords(route, device)}` }],
    removedRoutes: [route],
    after: { ...before, routes: before.routes.filter((r) => r !== route) },
  };
}

/** The switch's two ip -batch inputs: line i of the change is undone by line n+1-i of the undo. */
export function removalInputs(pairs: readonly RemovalPair[]): { doInput: string; undoInput: string } {
  return { doInput: pairs.map((p) => p.change).join("\n"), undoInput: pairs.map((p) => p.undo).reverse().join("\n") };
}

const argv = (line: string) => ["ip", ...line.split(" ")];

/** The same change as ordinary plan steps, each with its undo (run in reverse when a later step fails). */
export function removalSteps(pairs: readonly RemovalPair[]): PlanStep[] {
  return pairs.map((p) => ({ title: `ip ${p.change}`, argv: argv(p.change), undo: { title: `ip ${p.undo}`, argv: argv(p.undo) } }));
}

// Which routes carry Switchyard's session: the one the host answers its SSH
// client through (longest prefix match in the main table, as the kernel picks
// it), and a default route. Removing either can cut the host off.

function contains(dst: string, family: NicRoute["family"], address: string): number | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return null;
  }
  if ((parsed.kind() === "ipv4") !== (family === "inet")) return null;
  if (dst === "default") return 0;
  const [net, bits] = dst.includes("/") ? dst.split("/") : [dst, family === "inet" ? "32" : "128"];
  try {
    const network = ipaddr.parse(net!);
    return network.kind() === parsed.kind() && parsed.match(network, Number(bits)) ? Number(bits) : null;
  } catch {
    return null;
  }
}

/** The main-table route the host sends to `client` through, as the kernel chooses it (longest prefix, then lowest metric). */
export function routeTowards(routes: readonly NicRoute[], client: string): NicRoute | undefined {
  let best: { route: NicRoute; bits: number } | undefined;
  for (const r of routes) {
    if (r.type && r.type !== "unicast") continue;
    const bits = contains(r.dst, r.family, client);
    if (bits === null) continue;
    if (!best || bits > best.bits || (bits === best.bits && (r.metric ?? 0) < (best.route.metric ?? 0))) best = { route: r, bits };
  }
  return best?.route;
}

const sameRoute = (a: NicRoute, b: NicRoute) => a.family === b.family && a.dst === b.dst && a.dev === b.dev && a.gateway === b.gateway && a.metric === b.metric;

/** Why removing these routes can cut Switchyard off, or null. `client` is the SSH client's address as the host sees it. */
export function sessionRouteProblem(removed: readonly NicRoute[], allRoutes: readonly NicRoute[], client: string | null, carriers: ReadonlySet<string>): string | null {
  const towards = client ? routeTowards(allRoutes, client) : undefined;
  for (const r of removed) {
    if (towards && sameRoute(r, towards)) return `the host answers Switchyard (${client}) through the route ${r.dst}${r.gateway ? ` via ${r.gateway}` : ""} dev ${r.dev}`;
    if (r.dst === "default" && carriers.has(r.dev)) return `the default route through ${r.dev} carries Switchyard's SSH session`;
  }
  return null;
}

/** `SSH_CONNECTION` as sshd sets it: "client-address client-port server-address server-port". */
export const sessionArgv = () => ["sh", "-c", 'printf "%s\\n" "$SSH_CONNECTION"', "sy-ssh-connection"];

export function sessionClient(text: string): string | null {
  const first = text.trim().split(/\s+/)[0] ?? "";
  return ipaddr.isValid(first) ? first : null;
}

