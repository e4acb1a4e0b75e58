// parse(build(spec)) is spec, for every mode, and built XML has the shape libvirt expects.
import { describe, expect, it } from "vitest";
import { buildNetworkXml, parseNetworkXml, validateSpec } from "@/lib/domain/network";
import { specsFor } from "./specs";

const specs = specsFor("rt-");

describe("round trip", () => {
  it.each(Object.entries(specs))("%s", (_, spec) => {
    const xml = buildNetworkXml(spec);
    const back = parseNetworkXml(xml);
    expect(back).toEqual({ ok: true, spec, unmodeled: [], status: {} });
  });

  it.each(Object.entries(specs))("%s is valid by the model's own rules", (_, spec) => {
    expect(validateSpec(spec)).toMatchObject({ ok: true });
  });

  it("empty <dhcp> and <dns> survive as present-but-empty", () => {
    const spec = { name: "e", mode: "isolated" as const, dns: { forwarders: [], hosts: [] }, ipv4: { address: "10.0.0.1", prefix: 24, dhcp: { ranges: [], hosts: [] }, routes: [] } };
    expect(parseNetworkXml(buildNetworkXml(spec))).toMatchObject({ ok: true, spec });
  });
});

describe("built XML", () => {
  it("isolated has no <forward>", () => {
    expect(buildNetworkXml(specs["isolated-minimal"]!)).toBe("<network>\n  <name>rt-iso-min</name>\n</network>\n");
  });

  it("NAT with DHCP, as virt-manager would define it", () => {
    expect(buildNetworkXml({
      name: "network1", uuid: "0b6c2e55-2f1a-4f0e-9c55-0d3c1e2a7b10", mode: "nat", domain: { name: "network1" },
      ipv4: { address: "192.168.100.1", prefix: 24, dhcp: { ranges: [{ start: "192.168.100.128", end: "192.168.100.254" }], hosts: [] }, routes: [] },
    })).toBe(
      [
        "<network>",
        "  <name>network1</name>",
        "  <uuid>0b6c2e55-2f1a-4f0e-9c55-0d3c1e2a7b10</uuid>",
        '  <forward mode="nat"/>',
        '  <domain name="network1"/>',
        '  <ip address="192.168.100.1" prefix="24">',
        "    <dhcp>",
        '      <range start="192.168.100.128" end="192.168.100.254"/>',
        "    </dhcp>",
        "  </ip>",
        "</network>",
        "",
      ].join("\n"),
    );
  });

  it("open writes no dev; bridge writes the host bridge; macvtap its own mode; hostdev its pf", () => {
    expect(buildNetworkXml(specs["open-full"]!)).toContain('<forward mode="open"/>');
    expect(buildNetworkXml(specs.bridge!)).toMatch(/<forward mode="bridge"\/>\s*<bridge name="br0"\/>/);
    expect(buildNetworkXml(specs["macvtap-vepa"]!)).toMatch(/<forward mode="vepa">\s*<interface dev="eth1"\/>\s*<\/forward>/);
    expect(buildNetworkXml(specs.hostdev!)).toMatch(/<forward mode="hostdev" managed="yes">\s*<pf dev="eth2"\/>/);
  });

  it("booleans are yes/no (stp on/off), never bare attribute names", () => {
    const xml = buildNetworkXml(specs["nat-full"]!);
    expect(xml).toContain('<network ipv6="yes">');
    expect(xml).toContain('stp="off"');
    expect(xml).toContain('localOnly="yes"');
    expect(xml).not.toMatch(/ [a-zA-Z]+(?=[ />])(?!=)/);
  });

  it("refuses characters XML cannot carry", () => {
    expect(() => buildNetworkXml({ name: "a\u0000b", mode: "isolated" })).toThrow(/control characters/);
  });
});
