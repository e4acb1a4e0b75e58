import { describe, expect, it } from "vitest";
import { diffSpecs, identityIssues, unmodeledWarning, type NatNetwork, type NetworkSpec } from "@/lib/domain/network";
import { natSpec } from "./helpers";

const base: NatNetwork = { ...natSpec(), uuid: "0b6c2e55-2f1a-4f0e-9c55-0d3c1e2a7b10", dns: { forwarders: [], hosts: [] } };
const host = { mac: "52:54:00:00:00:09", ip: "192.168.100.9" };

describe("diffSpecs", () => {
  it.each<[string, (s: NatNetwork) => NetworkSpec, { path: string; restart: boolean }[]]>([
    ["nothing", (s) => s, []],
    ["a DHCP reservation is live", (s) => ({ ...s, ipv4: { ...s.ipv4!, dhcp: { ...s.ipv4!.dhcp!, hosts: [host] } } }), [{ path: "ipv4.dhcp.hosts", restart: false }]],
    ["a DNS host record is live", (s) => ({ ...s, dns: { forwarders: [], hosts: [{ ip: "192.168.100.9", hostnames: ["db"] }] } }), [{ path: "dns.hosts", restart: false }]],
    ["forwarders need a restart", (s) => ({ ...s, dns: { forwarders: [{ addr: "9.9.9.9" }], hosts: [] } }), [{ path: "dns", restart: true }]],
    ["the domain needs a restart", (s) => ({ ...s, domain: { name: "lab" } }), [{ path: "domain", restart: true }]],
    ["the DHCP range needs a restart", (s) => ({ ...s, ipv4: { ...s.ipv4!, dhcp: { ranges: [{ start: "192.168.100.10", end: "192.168.100.20" }], hosts: [] } } }), [{ path: "ipv4.dhcp", restart: true }]],
    ["mode and device", (s) => ({ ...s, mode: "route", dev: "eth1" }) as NetworkSpec, [{ path: "mode", restart: true }, { path: "dev", restart: true }]],
  ])("%s", (_, change, want) => expect(diffSpecs(base, change(structuredClone(base)))).toEqual(want));
});

describe("identityIssues", () => {
  it("name and UUID are fixed", () => {
    expect(identityIssues(base, { ...base, name: "other", uuid: "0B6C2E55-2F1A-4F0E-9C55-0D3C1E2A7B10" })).toEqual([
      { path: ["name"], message: "The name cannot be changed (libvirt cannot rename a network): keep 'net1'." },
    ]);
    expect(identityIssues(base, { ...base, uuid: "1b6c2e55-2f1a-4f0e-9c55-0d3c1e2a7b10" })).toEqual([
      { path: ["uuid"], message: "The UUID cannot be changed: keep 0b6c2e55-2f1a-4f0e-9c55-0d3c1e2a7b10." },
    ]);
    expect(identityIssues(base, base)).toEqual([]);
  });
});

describe("unmodeledWarning", () => {
  it("names what would be dropped", () => {
    expect(unmodeledWarning([])).toBeNull();
    expect(unmodeledWarning(["/network/portgroup[1]", "/network/portgroup[2]", "/network/ip/tftp", "/network/dnsmasq:options"])).toBe(
      "This network has XML that Switchyard's forms do not edit (portgroup, ip/tftp, dnsmasq:options); change it in the XML tab, because saving a form would drop it.",
    );
  });
});
