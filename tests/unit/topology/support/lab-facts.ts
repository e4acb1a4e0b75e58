import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import type { DomainFact, ForwardMode, NetworkFact, TopologyFacts } from "@/lib/domain/topology";

// Turns a directory of real lab output (see tests/fixtures/topology/capture.sh)
// into TopologyFacts, the way the host reader is expected to: iproute2 JSON as
// is, libvirt XML lifted into plain records, states from `virsh list`.

const FIXTURES = path.resolve(__dirname, "../../../fixtures/topology");
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["ip", "interface"].includes(name) });

type Attrs = Record<string, string | undefined>;
const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function prefixOf(ip: Attrs): number {
  if (ip.prefix) return Number(ip.prefix);
  const mask = (ip.netmask ?? "").split(".").map(Number);
  return mask.reduce((bits, octet) => bits + octet.toString(2).replace(/0/g, "").length, 0);
}

export function networkFromXml(text: string, active: boolean): NetworkFact {
  const net = xml.parse(text).network;
  const forward: Attrs & { interface?: Attrs[] } | undefined = net.forward === "" ? {} : net.forward;
  const ips: Attrs[] = asList(net.ip);
  const cidr = (ip: Attrs) => `${ip.address}/${prefixOf(ip)}`;
  return {
    uuid: net.uuid,
    name: String(net.name),
    active,
    bridge: net.bridge?.name,
    forward: {
      mode: (forward ? (forward.mode ?? "nat") : "isolated") as ForwardMode,
      ...(forward?.dev ? { dev: forward.dev } : {}),
      ...(forward?.interface ? { interfaces: forward.interface.map((i) => i.dev!) } : {}),
    },
    ipv4: ips.filter((ip) => ip.family !== "ipv6").map(cidr),
    ipv6: ips.filter((ip) => ip.family === "ipv6").map(cidr),
  };
}

export function domainFromXml(text: string, state: string): DomainFact {
  const dom = xml.parse(text).domain;
  const nics: (Attrs & { source?: Attrs; target?: Attrs; mac?: Attrs; model?: Attrs })[] = asList(dom.devices?.interface);
  return {
    uuid: dom.uuid,
    name: String(dom.name),
    state,
    interfaces: nics.map((n) => ({
      type: n.type ?? "network",
      source: { network: n.source?.network, bridge: n.source?.bridge, dev: n.source?.dev, mode: n.source?.mode },
      ...(n.target?.dev ? { target: n.target.dev } : {}),
      ...(n.mac?.address ? { mac: n.mac.address } : {}),
      ...(n.model?.type ? { model: n.model.type } : {}),
    })),
  };
}

/** `virsh -q list --all` rows are "id name state…"; `net-list --all` rows "name state autostart persistent". */
function domainStates(text: string): Map<string, string> {
  const rows = text.split("\n").map((l) => l.trim().split(/\s+/)).filter((cols) => cols.length >= 3);
  return new Map(rows.map((cols) => [cols[1]!, cols.slice(2).join(" ")]));
}

function networkStates(text: string): Map<string, boolean> {
  const rows = text.split("\n").map((l) => l.trim().split(/\s+/)).filter((cols) => cols.length >= 2);
  return new Map(rows.map((cols) => [cols[0]!, cols[1] === "active"]));
}

export function labFacts(host: string): TopologyFacts {
  const dir = path.join(FIXTURES, host);
  const read = (f: string) => readFileSync(path.join(dir, f), "utf8");
  const json = (f: string) => JSON.parse(read(f));
  const netStates = networkStates(read("net-list.txt"));
  const domStates = domainStates(read("list.txt"));
  const files = readdirSync(dir);
  return {
    links: json("ip-link.json"),
    bridgeLinks: json("bridge-link.json"),
    routes: json("ip-route.json"),
    addresses: json("ip-addr.json"),
    networks: files.filter((f) => f.startsWith("net-") && f.endsWith(".xml"))
      .map((f) => networkFromXml(read(f), netStates.get(f.slice(4, -4)) ?? false)),
    domains: files.filter((f) => f.startsWith("dom-") && f.endsWith(".xml"))
      .map((f) => domainFromXml(read(f), domStates.get(f.slice(4, -4)) ?? "unknown")),
  };
}
