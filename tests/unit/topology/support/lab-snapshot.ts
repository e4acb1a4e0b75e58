import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { HostSnapshot } from "@/lib/domain/host/snapshot";
import { addressesFromJson, bridgePortsFromLinks, linksFromJson, routesFromJson } from "@/lib/domain/host/snapshot-ip";
import { parseDomainXml } from "@/lib/domain/host/snapshot-domain";
import { parseNetworkXml } from "@/lib/domain/network";
import { labFacts } from "./lab-facts";

// The same fixture directory read through the host reader's own parsers, as
// the HostSnapshot a live page receives. States come from labFacts, which
// read them from `virsh list` / `net-list`.

const FIXTURES = path.resolve(__dirname, "../../../fixtures/topology");

export function labSnapshot(host: string): HostSnapshot {
  const dir = path.join(FIXTURES, host);
  const read = (f: string) => readFileSync(path.join(dir, f), "utf8");
  const json = (f: string) => JSON.parse(read(f));
  const facts = labFacts(host);
  const files = readdirSync(dir);
  return {
    takenAt: "2026-11-23T09:00:00Z",
    libvirt: {},
    links: linksFromJson(json("ip-link.json")),
    bridgePorts: bridgePortsFromLinks(json("ip-link.json")),
    routes: routesFromJson(json("ip-route.json"), "inet"),
    addresses: addressesFromJson(json("ip-addr.json")),
    warnings: [],
    networks: files.filter((f) => f.startsWith("net-") && f.endsWith(".xml")).map((f) => {
      const xml = read(f);
      const parsed = parseNetworkXml(xml);
      const fact = facts.networks.find((n) => n.name === f.slice(4, -4))!;
      return {
        uuid: fact.uuid, name: fact.name, active: fact.active, autostart: false, persistent: true, xml,
        spec: parsed.ok ? parsed.spec : null, connections: 0, leases: [],
      };
    }),
    domains: files.filter((f) => f.startsWith("dom-") && f.endsWith(".xml")).map((f) => {
      const parsed = parseDomainXml(read(f))!;
      const state = facts.domains.find((d) => d.name === parsed.name)!.state;
      return {
        uuid: parsed.uuid, name: parsed.name,
        state: state === "shut off" ? "shutoff" : state === "running" || state === "paused" ? state : "other",
        interfaces: parsed.interfaces.map((i) => ({ ...i, ips: [] })),
      };
    }),
  };
}
