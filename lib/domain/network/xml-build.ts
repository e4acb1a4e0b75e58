// NetworkSpec → libvirt network XML, through fast-xml-parser's builder (which
// escapes every attribute value and text; see xml-options.ts). Element order
// follows libvirt's own output so a diff against `net-dumpxml` stays small.
import { familyOf } from "../net/ip";
import { isXmlSafe } from "../net/names";
import { assertNever, type Dhcp, type IpConfig, type Layer3Network, type NetworkSpec, type Portgroup, type StaticRoute } from "./spec";
import { makeBuilder } from "./xml-options";
import { isLayer3 } from "./modes";
import { portForwardsMetadata } from "./port-forward";

type El = Record<string, unknown>;

const yesNo = (v: boolean | undefined) => (v === undefined ? undefined : v ? "yes" : "no");
const onOff = (v: boolean | undefined) => (v === undefined ? undefined : v ? "on" : "off");
const num = (v: number | undefined) => (v === undefined ? undefined : String(v));
const list = <T>(items: T[], fn: (t: T) => El) => (items.length ? items.map(fn) : undefined);

function dhcpEl(d: Dhcp): El {
  return {
    range: list(d.ranges, (r) => ({ "@_start": r.start, "@_end": r.end })),
    host: list(d.hosts, (h) => ({ "@_mac": h.mac, "@_id": h.id, "@_name": h.name, "@_ip": h.ip })),
  };
}

/**
 * libvirt omits family='ipv4' and infers it from the address; we do the same
 * unless the address would read as something else, so parsing puts it back
 * where it came from.
 */
const familyAttr = (family: "ipv4" | "ipv6", address: string) =>
  family === "ipv6" ? "ipv6" : familyOf(address) === "ipv6" ? "ipv4" : undefined;

function ipEl(ip: IpConfig, family: "ipv4" | "ipv6"): El {
  return {
    "@_family": familyAttr(family, ip.address),
    "@_address": ip.address,
    "@_prefix": String(ip.prefix),
    "@_localPtr": yesNo(ip.localPtr),
    dhcp: ip.dhcp ? dhcpEl(ip.dhcp) : undefined,
  };
}

function routeEl(r: StaticRoute, family: "ipv4" | "ipv6"): El {
  return {
    "@_family": familyAttr(family, r.address),
    "@_address": r.address,
    "@_prefix": String(r.prefix),
    "@_gateway": r.gateway,
    "@_metric": num(r.metric),
  };
}

function forwardEl(spec: NetworkSpec): El | undefined {
  switch (spec.mode) {
    case "isolated":
      return undefined;
    case "nat": {
      const n = spec.nat;
      const nat = n && {
        "@_ipv6": yesNo(n.ipv6),
        address: n.addressStart !== undefined || n.addressEnd !== undefined ? { "@_start": n.addressStart, "@_end": n.addressEnd } : undefined,
        port: n.portStart !== undefined || n.portEnd !== undefined ? { "@_start": num(n.portStart), "@_end": num(n.portEnd) } : undefined,
      };
      return { "@_mode": "nat", "@_dev": spec.dev, nat };
    }
    case "route":
      return { "@_mode": "route", "@_dev": spec.dev };
    case "open":
      return { "@_mode": "open" };
    case "bridge":
      return { "@_mode": "bridge" };
    case "macvtap":
      return { "@_mode": spec.macvtapMode, interface: spec.interfaces.map((dev) => ({ "@_dev": dev })) };
    case "hostdev":
      return { "@_mode": "hostdev", "@_managed": yesNo(spec.managed), pf: { "@_dev": spec.pf } };
    default:
      return assertNever(spec);
  }
}

function layer3Body(spec: Layer3Network): El {
  const b = spec.bridge;
  const routes = [
    ...(spec.ipv4?.routes ?? []).map((r) => routeEl(r, "ipv4")),
    ...(spec.ipv6?.routes ?? []).map((r) => routeEl(r, "ipv6")),
  ];
  const ips = [spec.ipv4 && ipEl(spec.ipv4, "ipv4"), spec.ipv6 && ipEl(spec.ipv6, "ipv6")].filter(Boolean) as El[];
  return {
    bridge: b && { "@_name": b.name, "@_stp": onOff(b.stp), "@_delay": num(b.delay), "@_macTableManager": b.macTableManager, "@_zone": b.zone },
    mtu: spec.mtu === undefined ? undefined : { "@_size": String(spec.mtu) },
    mac: spec.mac === undefined ? undefined : { "@_address": spec.mac },
    domain: spec.domain && { "@_name": spec.domain.name, "@_localOnly": yesNo(spec.domain.localOnly), "@_register": yesNo(spec.domain.register) },
    dns: spec.dns && {
      "@_enable": yesNo(spec.dns.enable),
      "@_forwardPlainNames": yesNo(spec.dns.forwardPlainNames),
      forwarder: list(spec.dns.forwarders, (f) => ({ "@_addr": f.addr, "@_domain": f.domain })),
      host: list(spec.dns.hosts, (h) => ({ "@_ip": h.ip, hostname: h.hostnames.map((n) => ({ "#text": n })) })),
    },
    ip: ips.length ? ips : undefined,
    route: routes.length ? routes : undefined,
  };
}

function portgroupEl(g: Portgroup): El {
  return {
    "@_name": g.name,
    "@_default": yesNo(g.default),
    vlan: g.vlan && { "@_trunk": yesNo(g.vlan.trunk), tag: g.vlan.tags.map((id) => ({ "@_id": String(id) })) },
  };
}

function deviceBody(spec: Exclude<NetworkSpec, Layer3Network>): El {
  if (spec.mode !== "bridge") return {};
  return {
    bridge: { "@_name": spec.hostBridge },
    virtualport: spec.virtualport && { "@_type": spec.virtualport },
    portgroup: spec.portgroups && list(spec.portgroups, portgroupEl),
  };
}

/** Every string the builder will write, so unwritable characters are refused up front. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === "object") Object.values(v).forEach((x) => strings(x, out));
  return out;
}

export function buildNetworkXml(spec: NetworkSpec): string {
  const body = isLayer3(spec) ? layer3Body(spec) : deviceBody(spec);
  const network: El = {
    "@_ipv6": "ipv6Internal" in spec ? yesNo(spec.ipv6Internal) : undefined,
    name: { "#text": spec.name },
    uuid: spec.uuid === undefined ? undefined : { "#text": spec.uuid },
    metadata: isLayer3(spec) ? portForwardsMetadata(spec.portForwards) : undefined,
    forward: forwardEl(spec),
    ...body,
  };
  // XML 1.0 cannot carry most control characters even as references: refuse
  // rather than emit a document libvirt would reject as malformed.
  const bad = strings(network).find((s) => !isXmlSafe(s));
  if (bad !== undefined) throw new Error(`cannot write ${JSON.stringify(bad)} in XML: it contains control characters`);
  return makeBuilder().build({ network }) as string;
}
