// libvirt network XML → NetworkSpec. Reads what the model carries, exactly
// (no trimming, no normalising), and lists everything else it saw as
// `unmodeled`, so a caller that would rebuild the XML from the spec can warn
// first. Runtime-only values libvirt adds to live XML (`connections`) are
// returned as status rather than reported.
import { XMLValidator } from "fast-xml-parser";
import { familyOf, netmaskToPrefix } from "../net/ip";
import { MACVTAP_MODES, type DeviceNetwork, type Dhcp, type Dns, type IpConfig, type Layer3Network, type MacvtapMode, type NetworkSpec, type Portgroup, type StaticRoute } from "./spec";
import { makeParser } from "./xml-options";
import { ParseError, XmlNode } from "./xml-reader";
import { PORT_FORWARD_NS, PORT_FORWARD_PREFIX, PORT_FORWARD_RULE_EL, PORT_FORWARDS_EL, ruleFromAttributes, type PortForwardRule } from "./port-forward";

export type NetworkStatus = { connections?: number };
export type ParseResult =
  | { ok: true; spec: NetworkSpec; unmodeled: string[]; status: NetworkStatus }
  | { ok: false; error: string };

/** Assign only defined values, so an absent attribute stays an absent property. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function dhcp(el: XmlNode): Dhcp {
  return {
    ranges: el.children("range").map((r) => ({ start: r.required("start"), end: r.required("end") })),
    hosts: el.children("host").map((h) => defined({ mac: h.attr("mac"), id: h.attr("id"), name: h.attr("name"), ip: h.required("ip") })),
  };
}

function ipConfig(el: XmlNode): IpConfig {
  const netmask = el.attr("netmask");
  let prefix = el.int("prefix");
  if (prefix === undefined && netmask !== undefined) {
    const p = netmaskToPrefix(netmask);
    if (p === null) throw new ParseError(`${el.path}/@netmask: '${netmask}' is not a netmask`);
    prefix = p;
  }
  if (prefix === undefined) throw new ParseError(`${el.path}: missing 'prefix' or 'netmask'`);
  const d = el.child("dhcp");
  return defined({ address: el.required("address"), prefix, dhcp: d && dhcp(d), routes: [] as StaticRoute[], localPtr: el.yesNo("localPtr") });
}

function dns(el: XmlNode): Dns {
  return defined({
    enable: el.yesNo("enable"),
    forwardPlainNames: el.yesNo("forwardPlainNames"),
    forwarders: el.children("forwarder").map((f) => defined({ addr: f.attr("addr"), domain: f.attr("domain") })),
    hosts: el.children("host").map((h) => ({ ip: h.required("ip"), hostnames: h.children("hostname").map((n) => n.text()) })),
  });
}

/** The `<ip>` elements, one per family; a second one of a family is left unread (reported). */
function ips(root: XmlNode): Pick<Layer3Network, "ipv4" | "ipv6"> {
  const out: Pick<Layer3Network, "ipv4" | "ipv6"> = {};
  for (const el of root.children("ip")) {
    const fam = el.attr("family") ?? (familyOf(el.attr("address") ?? "") === "ipv6" ? "ipv6" : "ipv4");
    if (fam !== "ipv4" && fam !== "ipv6") throw new ParseError(`${el.path}/@family: unknown family '${fam}'`);
    if (out[fam]) el.leave();
    else out[fam] = ipConfig(el);
  }
  return out;
}

function macTableManager(b: XmlNode): "kernel" | "libvirt" | undefined {
  const v = b.attr("macTableManager");
  if (v === undefined || v === "kernel" || v === "libvirt") return v;
  throw new ParseError(`${b.path}/@macTableManager: expected 'kernel' or 'libvirt', found '${v}'`);
}

/** Switchyard's own <metadata> child; anything else in <metadata> stays unread (reported). */
function portForwards(root: XmlNode): PortForwardRule[] | undefined {
  const meta = root.child("metadata");
  const el = meta?.child(PORT_FORWARDS_EL);
  if (!el) {
    // Not ours at all: reported whole, as before the model knew any of it.
    meta?.leave();
    return undefined;
  }
  if (el.attr(`xmlns:${PORT_FORWARD_PREFIX}`) !== PORT_FORWARD_NS) {
    el.leave();
    return undefined;
  }
  return el.children(PORT_FORWARD_RULE_EL).map((r) => {
    const rule = ruleFromAttributes((name) => r.attr(name));
    if (typeof rule === "string") throw new ParseError(`${r.path}: ${rule}`);
    return rule;
  });
}

function layer3(root: XmlNode, base: { name: string; uuid?: string }): Omit<Layer3Network, "mode"> {
  const b = root.child("bridge");
  const d = root.child("domain");
  const dnsEl = root.child("dns");
  const net: Omit<Layer3Network, "mode"> = defined({
    ...base,
    bridge: b && defined({ name: b.attr("name"), stp: b.yesNo("stp", "on", "off"), delay: b.int("delay"), macTableManager: macTableManager(b), zone: b.attr("zone") }),
    mtu: root.child("mtu")?.int("size"),
    mac: root.child("mac")?.attr("address"),
    domain: d && defined({ name: d.required("name"), localOnly: d.yesNo("localOnly"), register: d.yesNo("register") }),
    dns: dnsEl && dns(dnsEl),
    ...ips(root),
    ipv6Internal: root.yesNo("ipv6"),
    portForwards: portForwards(root),
  });
  for (const r of root.children("route")) {
    const fam = r.attr("family") ?? (familyOf(r.required("address")) === "ipv6" ? "ipv6" : "ipv4");
    const ip = fam === "ipv6" ? net.ipv6 : fam === "ipv4" ? net.ipv4 : undefined;
    if (!ip) throw new ParseError(`${r.path}: a route of family '${fam}' needs an <ip> of that family`);
    const prefix = r.int("prefix") ?? netmaskToPrefix(r.attr("netmask") ?? "");
    if (prefix === null || prefix === undefined) throw new ParseError(`${r.path}: missing 'prefix' or 'netmask'`);
    ip.routes.push(defined({ address: r.required("address"), prefix, gateway: r.required("gateway"), metric: r.int("metric") }));
  }
  return net;
}

/**
 * `<forward dev>`, which libvirt echoes as a single `<interface dev>` child
 * (and accepts as that child alone: the first interface is the device).
 */
function forwardDev(fwd: XmlNode): string | undefined {
  const dev = fwd.attr("dev");
  const ifs = fwd.children("interface");
  if (ifs.length === 0) return dev;
  const only = ifs.length === 1 ? ifs[0]!.attr("dev") : undefined;
  if (only === undefined || (dev !== undefined && dev !== only)) {
    throw new ParseError(`${fwd.path}: a pool of ${ifs.length} interfaces is not supported for this mode`);
  }
  ifs[0]!.ignore("connections");
  return only;
}

/** `<portgroup>`: name, default, and its `<vlan>` (tags as numbers; libvirt allows 0–4095). */
function portgroup(el: XmlNode): Portgroup {
  const v = el.child("vlan");
  const vlan = v && defined({
    trunk: v.yesNo("trunk"),
    tags: v.children("tag").map((t) => {
      const id = t.int("id");
      if (id === undefined) throw new ParseError(`${t.path}: missing 'id'`);
      return id;
    }),
  });
  return defined({ name: el.required("name"), default: el.yesNo("default"), vlan });
}

function device(root: XmlNode, fwd: XmlNode, mode: string, base: { name: string; uuid?: string }): DeviceNetwork {
  if (mode === "bridge" && root.child("bridge")) {
    const vp = root.child("virtualport");
    const virtualport = vp?.attr("type");
    if (vp && virtualport !== "openvswitch") throw new ParseError(`${vp.path}/@type: only 'openvswitch' is supported, found '${virtualport ?? ""}'`);
    const groups = root.children("portgroup").map(portgroup);
    return defined({ ...base, mode: "bridge" as const, hostBridge: root.child("bridge")!.required("name"), virtualport: virtualport as "openvswitch" | undefined, portgroups: groups.length ? groups : undefined });
  }
  if ((MACVTAP_MODES as readonly string[]).includes(mode)) {
    const interfaces = fwd.children("interface").map((i) => (i.ignore("connections"), i.required("dev")));
    const dev = fwd.attr("dev");
    if (interfaces.length === 0 && dev) interfaces.push(dev);
    else if (dev !== undefined && dev !== interfaces[0]) throw new ParseError(`${fwd.path}/@dev: '${dev}' is not the first <interface>`);
    return defined({ ...base, mode: "macvtap" as const, macvtapMode: mode as MacvtapMode, interfaces });
  }
  const pf = fwd.child("pf");
  if (!pf) throw new ParseError(`${fwd.path}: hostdev networks defined by PCI addresses are not supported; only <pf dev>`);
  return defined({ ...base, mode: "hostdev" as const, pf: pf.required("dev"), managed: fwd.yesNo("managed") });
}

function toSpec(root: XmlNode): NetworkSpec {
  const nameEl = root.child("name");
  if (!nameEl) throw new ParseError("/network: missing <name>");
  const base = defined({ name: nameEl.text(), uuid: root.child("uuid")?.text() });
  root.ignore("connections");
  const fwd = root.child("forward");
  fwd?.ignore("connections");
  const mode = fwd ? (fwd.attr("mode") ?? "nat") : "isolated";
  switch (mode) {
    case "isolated":
      return { ...layer3(root, base), mode };
    case "nat": {
      const natEl = fwd!.child("nat");
      const addr = natEl?.child("address");
      const port = natEl?.child("port");
      const nat = natEl && defined({ addressStart: addr?.attr("start"), addressEnd: addr?.attr("end"), portStart: port?.int("start"), portEnd: port?.int("end"), ipv6: natEl.yesNo("ipv6") });
      return defined({ ...layer3(root, base), mode, dev: forwardDev(fwd!), nat });
    }
    case "route":
      return defined({ ...layer3(root, base), mode, dev: forwardDev(fwd!) });
    case "open":
      if (fwd!.attr("dev") !== undefined) throw new ParseError("/network/forward/@dev: an open network takes no device");
      return { ...layer3(root, base), mode };
    case "bridge":
    case "private":
    case "vepa":
    case "passthrough":
    case "hostdev":
      return device(root, fwd!, mode, base);
    default:
      throw new ParseError(`/network/forward/@mode: unknown forward mode '${mode}'`);
  }
}

export function parseNetworkXml(xml: string): ParseResult {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, error: `Invalid XML at line ${valid.err.line}: ${valid.err.msg}` };
  const doc = makeParser().parse(xml) as Record<string, unknown>;
  const roots = Object.keys(doc);
  const raw = Array.isArray(doc.network) ? doc.network : [];
  if (roots.length !== 1 || raw.length !== 1) return { ok: false, error: "The document's root element must be a single <network>." };
  const root = new XmlNode(raw[0] as Record<string, unknown>, "/network");
  try {
    const spec = toSpec(root);
    const connections = root.int("connections");
    return { ok: true, spec, unmodeled: root.unread(), status: defined({ connections }) };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message };
    throw e;
  }
}
