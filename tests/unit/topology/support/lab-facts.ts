import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { DomainState, HostSnapshot, SnapshotNetwork } from "@/lib/domain/host/snapshot";
import { addressesFromJson, bridgePortsFromLinks, linksFromJson, routesFromJson } from "@/lib/domain/host/snapshot-ip";
import { parseDomainXml } from "@/lib/domain/host/snapshot-domain";
import { parseOvsJson } from "@/lib/domain/host/snapshot-ovs";
import { parseNetworkXml } from "@/lib/domain/network";

// Turns a directory of real lab output (see tests/fixtures/topology/capture.sh)
// into the HostSnapshot a live page receives, through the host reader's own
// parsers; states come from `virsh list` / `net-list`.

const FIXTURES = path.resolve(__dirname, "../../../fixtures/topology");

export function networkFromXml(xml: string, active: boolean): SnapshotNetwork {
  const parsed = parseNetworkXml(xml);
  if (!parsed.ok) throw new Error(parsed.error);
  const { name, uuid = "" } = parsed.spec;
  return { uuid, name, active, autostart: false, persistent: true, xml, spec: parsed.spec, connections: 0, leases: [] };
}

/** `virsh -q list --all` rows are "id name state…"; `net-list --all` rows "name state autostart persistent". */
function domainStates(text: string): Map<string, DomainState> {
  const rows = text.split("\n").map((l) => l.trim().split(/\s+/)).filter((cols) => cols.length >= 3);
  const state = (words: string): DomainState => (words === "shut off" ? "shutoff" : words === "running" || words === "paused" ? words : "other");
  return new Map(rows.map((cols) => [cols[1]!, state(cols.slice(2).join(" "))]));
}

function networkStates(text: string): Map<string, boolean> {
  const rows = text.split("\n").map((l) => l.trim().split(/\s+/)).filter((cols) => cols.length >= 2);
  return new Map(rows.map((cols) => [cols[0]!, cols[1] === "active"]));
}

/** ovs.jsonl, when captured, is the host read's own ovs-vsctl output. */
function ovsFacts(dir: string): Pick<HostSnapshot, "ovs"> {
  const file = path.join(dir, "ovs.jsonl");
  if (!existsSync(file)) return {};
  const parsed = parseOvsJson(readFileSync(file, "utf8"));
  if (!parsed.ok) throw new Error(parsed.error);
  return { ovs: parsed.state };
}

export function labFacts(host: string): HostSnapshot {
  const dir = path.join(FIXTURES, host);
  const read = (f: string) => readFileSync(path.join(dir, f), "utf8");
  const json = (f: string) => JSON.parse(read(f));
  const netStates = networkStates(read("net-list.txt"));
  const domStates = domainStates(read("list.txt"));
  const files = readdirSync(dir);
  return {
    takenAt: "2026-11-23T09:00:00Z",
    libvirt: {},
    links: linksFromJson(json("ip-link.json")),
    bridgePorts: bridgePortsFromLinks(json("ip-link.json")),
    routes: routesFromJson(json("ip-route.json"), "inet"),
    addresses: addressesFromJson(json("ip-addr.json")),
    warnings: [],
    ...ovsFacts(dir),
    networks: files.filter((f) => f.startsWith("net-") && f.endsWith(".xml"))
      .map((f) => networkFromXml(read(f), netStates.get(f.slice(4, -4)) ?? false)),
    domains: files.filter((f) => f.startsWith("dom-") && f.endsWith(".xml")).map((f) => {
      const parsed = parseDomainXml(read(f))!;
      return { uuid: parsed.uuid, name: parsed.name, state: domStates.get(parsed.name) ?? "other", interfaces: parsed.interfaces.map((i) => ({ ...i, ips: [] })) };
    }),
  };
}
