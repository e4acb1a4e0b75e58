import { isValidInterfaceName } from "@/lib/domain/interfaces/names";
import type { NetState, NicAddress, NicRoute } from "@/lib/domain/plan";

// "Bridge this NIC": the `ip -batch` input that moves a NIC's addresses and
// routes onto a new bridge with the NIC as its port, and the input that undoes
// it. Built only from a validated bridge name and from addresses and routes
// parsed out of iproute2's JSON, each checked again here against a strict
// pattern, so nothing a person typed reaches iproute2's batch parser.
//
// The two inputs pair up line for line: line i of doInput is undone by line
// n+1-i of undoInput (a "#" line when nothing needs undoing). So when the
// change fails at line f, the last f-1 lines of undoInput undo exactly what
// ran, and when the dead-man switch fires, all of undoInput runs.

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9a-f:]*:[0-9a-f:.]*$/i;
const WORD = /^[a-z0-9_]{1,32}$/i;
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i;

function ip(value: string, what: string): string {
  if (!(IPV4.test(value) || (IPV6.test(value) && value.length <= 45))) throw new TypeError(`${what} is not an IP address: ${JSON.stringify(value)}`);
  return value;
}

function dev(name: string): string {
  if (!isValidInterfaceName(name)) throw new TypeError(`not a valid interface name: ${JSON.stringify(name)}`);
  return name;
}

function word(value: string, what: string): string {
  if (!WORD.test(value)) throw new TypeError(`${what} is not a plain word: ${JSON.stringify(value)}`);
  return value;
}

function int(value: number, what: string, max: number): string {
  if (!Number.isInteger(value) || value < 0 || value > max) throw new TypeError(`${what} out of range: ${value}`);
  return String(value);
}

export function addressWords(a: NicAddress, device: string): string {
  const max = a.family === "inet" ? 32 : 128;
  const parts = [`${ip(a.local, "address")}/${int(a.prefixlen, "prefix length", max)}`];
  if (a.broadcast) parts.push("broadcast", ip(a.broadcast, "broadcast"));
  if (a.scope && a.scope !== "global") parts.push("scope", word(a.scope, "scope"));
  if (a.noprefixroute) parts.push("noprefixroute");
  parts.push("dev", dev(device));
  return parts.join(" ");
}

function destination(r: NicRoute): string {
  if (r.dst === "default") return r.family === "inet6" ? "::/0" : "0.0.0.0/0";
  const [address, prefix, ...rest] = r.dst.split("/");
  if (rest.length) throw new TypeError(`not a route destination: ${JSON.stringify(r.dst)}`);
  return prefix === undefined ? ip(address!, "destination") : `${ip(address!, "destination")}/${int(Number(prefix), "prefix length", r.family === "inet" ? 32 : 128)}`;
}

export function routeWords(r: NicRoute, device: string): string {
  const parts = [destination(r)];
  if (r.type && r.type !== "unicast") parts.unshift(word(r.type, "route type"));
  if (r.gateway) parts.push("via", ip(r.gateway, "gateway"));
  parts.push("dev", dev(device));
  if (r.protocol) parts.push("proto", word(r.protocol, "protocol"));
  if (r.scope) parts.push("scope", word(r.scope, "scope"));
  if (r.prefsrc) parts.push("src", ip(r.prefsrc, "source address"));
  if (r.metric !== undefined) parts.push("metric", int(r.metric, "metric", 0xffffffff));
  if (r.onlink) parts.push("onlink");
  return parts.join(" ");
}

/** Routes the kernel makes and removes with an address (the connected prefix): they follow the address by themselves. */
const followsAddress = (r: NicRoute) => r.protocol === "kernel";

export type BridgeNicInput = { nic: string; bridge: string; mac: string; before: NetState };
export type BridgeNicInputs = { doLines: string[]; undoLines: string[]; after: NetState };

export function bridgeNicInputs({ nic, bridge, mac, before }: BridgeNicInput): BridgeNicInputs {
  dev(nic);
  dev(bridge);
  if (!MAC.test(mac)) throw new TypeError(`not a MAC address: ${JSON.stringify(mac)}`);
  const addresses = before.addresses[nic] ?? [];
  const moved = before.routes.filter((r) => r.dev === nic && !followsAddress(r));
  const pairs: [string, string][] = [
    // No STP and no forward delay: a port that waited 2 × 15 s in listening and
    // learning would cut the host off for longer than the switch waits.
    [`link add name ${bridge} type bridge stp_state 0 forward_delay 0`, `link del dev ${bridge}`],
    // The NIC's MAC, fixed: a bridge otherwise takes its lowest port MAC, and a
    // VM joining later would change it under the LAN's ARP caches.
    [`link set dev ${bridge} address ${mac.toLowerCase()}`, `# ${bridge}'s address goes with ${bridge}`],
    [`link set dev ${bridge} up`, `# ${bridge} goes down when it is deleted`],
    [`link set dev ${nic} master ${bridge}`, `link set dev ${nic} nomaster`],
    ...moved.map((r): [string, string] => [`route del ${routeWords(r, nic)}`, `route add ${routeWords(r, nic)}`]),
    ...addresses.map((a): [string, string] => [`address del ${addressWords(a, nic)}`, `address add ${addressWords(a, nic)}`]),
    ...addresses.map((a): [string, string] => [`address add ${addressWords(a, bridge)}`, `address del ${addressWords(a, bridge)}`]),
    ...moved.map((r): [string, string] => [`route add ${routeWords(r, bridge)}`, `route del ${routeWords(r, bridge)}`]),
  ];
  const after: NetState = {
    addresses: { [nic]: [], [bridge]: addresses },
    routes: before.routes.map((r) => (r.dev === nic ? { ...r, dev: bridge } : r)),
    masters: { [nic]: bridge, [bridge]: null },
  };
  return { doLines: pairs.map(([d]) => d), undoLines: pairs.map(([, u]) => u).reverse(), after };
}

export type UnbridgeInput = { bridge: string; port: string; mac: string; stp: { state: number; forwardDelay: number }; before: NetState };

/**
 * Deleting a bridge the uplink is a port of, the other way round: the bridge's
 * addresses and routes go back to its one NIC port, then the bridge goes. Each
 * line's undo is one line again, so the same pairing holds; the bridge comes
 * back with its MAC and STP settings, and its port rejoins it.
 */
export function unbridgeInputs({ bridge, port, mac, stp, before }: UnbridgeInput): BridgeNicInputs {
  dev(bridge);
  dev(port);
  if (!MAC.test(mac)) throw new TypeError(`not a MAC address: ${JSON.stringify(mac)}`);
  const stpState = int(stp.state, "STP state", 1);
  const delay = int(stp.forwardDelay, "forward delay", 100_000);
  const addresses = before.addresses[bridge] ?? [];
  const moved = before.routes.filter((r) => r.dev === bridge && !followsAddress(r));
  const pairs: [string, string][] = [
    ...moved.map((r): [string, string] => [`route del ${routeWords(r, bridge)}`, `route add ${routeWords(r, bridge)}`]),
    ...addresses.map((a): [string, string] => [`address del ${addressWords(a, bridge)}`, `address add ${addressWords(a, bridge)}`]),
    [`link set dev ${port} nomaster`, `link set dev ${port} master ${bridge}`],
    ...addresses.map((a): [string, string] => [`address add ${addressWords(a, port)}`, `address del ${addressWords(a, port)}`]),
    ...moved.map((r): [string, string] => [`route add ${routeWords(r, port)}`, `route del ${routeWords(r, port)}`]),
    [`link set dev ${bridge} down`, `link set dev ${bridge} up`],
    [`link del dev ${bridge}`, `link add name ${bridge} address ${mac.toLowerCase()} type bridge stp_state ${stpState} forward_delay ${delay}`],
  ];
  const after: NetState = {
    addresses: { [bridge]: [], [port]: addresses },
    routes: before.routes.map((r) => (r.dev === bridge ? { ...r, dev: port } : r)),
    masters: { [bridge]: null, [port]: null },
  };
  return { doLines: pairs.map(([d]) => d), undoLines: pairs.map(([, u]) => u).reverse(), after };
}
