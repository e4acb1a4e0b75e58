// Assembles a HostSnapshot from the snapshot script's output. Everything is
// keyed by UUID: the lists say which UUIDs exist and in what state, and each
// dump is matched to its list entry by the UUID in its marker, never by name.
import { parseNetworkXml } from "../network";
import type { DomainState, HostSnapshot, SnapshotDomain, SnapshotNetwork } from "./snapshot";
import { parseDomainXml } from "./snapshot-domain";
import { unreadUuids, type ListedUuids } from "./snapshot-commands";
import { addressesFromJson, bridgePortsFromLinks, linksFromJson, mainRoutesFromJson, parseJsonArray } from "./snapshot-ip";
import { parseOvsJson, parseSriov } from "./snapshot-ovs";
import { splitSections, uuidList, virshLines, xmlDocument, type Section } from "./snapshot-sections";
import { parseLeases, parseVersions } from "./snapshot-virsh";
import { mergeNicAddresses, neighboursFromJson, parseDomifaddr } from "./snapshot-addresses";

/** How virsh itself fared: the adapter turns a failed connect into a typed error. */
export type VirshOutcome = { ran: boolean; exitCode: number | null; stderr: string; complete: boolean };

/**
 * complete: the script ran to its end. listed: what virsh's lists named (the
 * next read's hint). unread: listed UUIDs this read did not dump, so it must
 * be redone cold (a warm read's hint was out of date).
 */
export type ParsedSnapshot = { snapshot: HostSnapshot; virsh: VirshOutcome; complete: boolean; listed: ListedUuids; unread: string[] };

function byKind(sections: Section[]) {
  const one = (kind: string) => sections.find((s) => s.kind === kind);
  const keyed = (kind: string) => new Map(sections.filter((s) => s.kind === kind).map((s) => [s.arg, s.body]));
  return { one, keyed };
}

function readNetworks(get: ReturnType<typeof byKind>, warnings: string[]): SnapshotNetwork[] {
  const list = (kind: string) => new Set(uuidList(get.one(kind)?.body ?? ""));
  const active = list("nets-active");
  const autostart = list("nets-autostart");
  const persistent = list("nets-persistent");
  const xmls = get.keyed("net-xml");
  const leases = get.keyed("leases");
  const networks: SnapshotNetwork[] = [];
  for (const uuid of list("nets")) {
    const xml = xmlDocument(xmls.get(uuid) ?? "", "network");
    // Gone between the list and the dump (undefined meanwhile): not part of this snapshot.
    if (!xml) continue;
    const parsed = parseNetworkXml(xml);
    const name = parsed.ok ? parsed.spec.name : (/<name>([^<]*)<\/name>/.exec(xml)?.[1] ?? uuid);
    if (!parsed.ok) warnings.push(`Network ${uuid}: ${parsed.error}`);
    networks.push({
      uuid,
      name,
      active: active.has(uuid),
      autostart: autostart.has(uuid),
      persistent: persistent.has(uuid),
      xml,
      spec: parsed.ok ? parsed.spec : null,
      ...(parsed.ok ? {} : { parseError: parsed.error }),
      connections: parsed.ok ? (parsed.status.connections ?? 0) : 0,
      leases: parseLeases(leases.get(uuid) ?? ""),
    });
  }
  return networks;
}

/**
 * A network NIC's portgroup (its own, else the network's default) and that
 * portgroup's VLAN: libvirt keeps the VLAN it applied out of the live XML.
 */
function withPortgroup<N extends { network?: string; portgroup?: string; vlan?: string }>(nic: N, networks: SnapshotNetwork[]): N {
  const spec = nic.network === undefined ? undefined : networks.find((n) => n.name === nic.network)?.spec;
  if (spec?.mode !== "bridge" || !spec.portgroups?.length) return nic;
  const group = spec.portgroups.find((g) => (nic.portgroup === undefined ? g.default : g.name === nic.portgroup));
  if (!group) return nic;
  const vlan = group.vlan && (group.vlan.trunk || group.vlan.tags.length > 1 ? `trunk ${group.vlan.tags.join(",")}` : String(group.vlan.tags[0]));
  return { ...nic, portgroup: group.name, ...(nic.vlan === undefined && vlan ? { vlan } : {}) };
}

function readDomains(get: ReturnType<typeof byKind>, networks: SnapshotNetwork[], warnings: string[]): SnapshotDomain[] {
  const list = (kind: string) => new Set(uuidList(get.one(kind)?.body ?? ""));
  const states: [DomainState, Set<string>][] = [
    ["running", list("doms-running")],
    ["paused", list("doms-paused")],
    ["shutoff", list("doms-shutoff")],
  ];
  const ipsByMac = new Map<string, string[]>();
  for (const lease of networks.flatMap((n) => n.leases)) ipsByMac.set(lease.mac, [...(ipsByMac.get(lease.mac) ?? []), lease.ip]);
  const xmls = get.keyed("dom-xml");
  const agent = get.keyed("dom-agent");
  const leases = networks.flatMap((n) => n.leases);
  const neighbours = neighboursFromJson(get.one("neigh")?.body ?? "");
  const domains: SnapshotDomain[] = [];
  for (const uuid of list("doms")) {
    const parsed = parseDomainXml(xmlDocument(xmls.get(uuid) ?? "", "domain") ?? "");
    if (!parsed) {
      if (xmls.has(uuid)) warnings.push(`Guest ${uuid}: its XML could not be read`);
      continue;
    }
    const state = states.find(([, set]) => set.has(uuid))?.[0] ?? "other";
    const inputs = { leases, neighbours, agent: parseDomifaddr(agent.get(uuid) ?? "") };
    const interfaces = parsed.interfaces.map((nic) => ({ ...withPortgroup(nic, networks), ips: (nic.mac && ipsByMac.get(nic.mac)) || [], addresses: mergeNicAddresses(nic, inputs) }));
    domains.push({ uuid, name: parsed.name, state, interfaces });
  }
  return domains;
}

// `ip -d -j -batch` prints one JSON array per command, each on one line:
// `addr show` (links with their details and addresses), then `route show table all`.
function readIpFacts(section: Section | undefined, warnings: string[]) {
  const none = { links: [], addresses: [], bridgePorts: [], routes: [] };
  if (!section) return none;
  const lines = section.body.split("\n").filter((l) => l.trim() !== "");
  const [linkRows, routeRows] = [parseJsonArray(lines[0] ?? ""), parseJsonArray(lines[1] ?? "")];
  if (linkRows === null || routeRows === null) {
    const why = lines.find((l) => !l.trimStart().startsWith("[")) ?? "no output";
    warnings.push(`ip could not be read: ${why}`);
    return none;
  }
  return {
    links: linksFromJson(linkRows),
    addresses: addressesFromJson(linkRows),
    bridgePorts: bridgePortsFromLinks(linkRows),
    routes: mainRoutesFromJson(routeRows),
  };
}

// Open vSwitch (only when the host has its database socket) and SR-IOV NICs, after the ip facts.
function readDeviceFacts(get: ReturnType<typeof byKind>, warnings: string[]): Pick<HostSnapshot, "ovs" | "sriov"> {
  const out: Pick<HostSnapshot, "ovs" | "sriov"> = {};
  const ovs = get.one("ovs");
  if (ovs) {
    const parsed = parseOvsJson(ovs.body);
    if (parsed.ok) out.ovs = parsed.state;
    else warnings.push(`Open vSwitch could not be read: ${parsed.error}`);
  }
  const sriov = get.one("sriov");
  if (sriov) out.sriov = parseSriov(sriov.body);
  return out;
}

/** virsh's own complaints (connect failures) come before the first command's marker. */
const virshErrors = (section: Section | undefined) =>
  virshLines(section?.body ?? "").filter((line) => line.startsWith("error: ")).join("\n");

export function parseSnapshotOutput(output: string, nonce: string, now = new Date()): ParsedSnapshot {
  const sections = splitSections(output, nonce);
  const get = byKind(sections);
  const warnings: string[] = [];
  const exit = get.one("virsh-exit");
  const virsh: VirshOutcome = {
    ran: !get.one("virsh-missing"),
    exitCode: exit ? Number(exit.arg) : null,
    stderr: virshErrors(get.one("virsh-start")),
    complete: !!get.one("virsh-end"),
  };
  const networks = readNetworks(get, warnings);
  const snapshot: HostSnapshot = {
    takenAt: now.toISOString(),
    libvirt: parseVersions(get.one("version")?.body ?? ""),
    networks,
    domains: readDomains(get, networks, warnings),
    ...readIpFacts(get.one("ip"), warnings),
    ...readDeviceFacts(get, warnings),
    warnings,
  };
  const list = (kind: string) => uuidList(get.one(kind)?.body ?? "");
  const listed: ListedUuids = { networks: list("nets"), activeNetworks: list("nets-active"), domains: list("doms") };
  const dumped = (kind: string) => new Set(get.keyed(kind).keys());
  const unread = unreadUuids(listed, { networks: dumped("net-xml"), leases: dumped("leases"), domains: dumped("dom-xml") });
  return { snapshot, virsh, complete: !!get.one("done"), listed, unread };
}
