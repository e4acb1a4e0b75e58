// Real `virsh net-dumpxml` output from the lab parses without loss: every
// element and attribute is either carried by the spec or listed as unmodeled,
// and building the spec again and parsing it gives the same spec.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildNetworkXml, forwardingLabel, parseNetworkXml, xmlPolicyIssues } from "@/lib/domain/network";

const dir = path.join(__dirname, "../../fixtures/libvirt/dumpxml");
const read = (f: string) => readFileSync(path.join(dir, f), "utf8");
const files = readdirSync(dir).filter((f) => f.endsWith(".xml")).sort();

const parsed = (f: string) => {
  const r = parseNetworkXml(read(f));
  if (!r.ok) throw new Error(`${f}: ${r.error}`);
  return r;
};

const extrasUnmodeled = [
  "/network/@xmlns:dnsmasq",
  "/network/@trustGuestRxFilters",
  "/network/metadata",
  "/network/dns/txt",
  "/network/dns/srv",
  "/network/ip/tftp",
  "/network/ip/dhcp/range/lease",
  "/network/ip/dhcp/bootp",
  "/network/portgroup",
  "/network/dnsmasq:options",
];

describe("every fixture", () => {
  it("there are fixtures", () => expect(files.length).toBeGreaterThanOrEqual(17));

  it.each(files)("%s parses, and rebuilding it is stable", (f) => {
    const r = parsed(f);
    const again = parseNetworkXml(buildNetworkXml(r.spec));
    expect(again).toEqual({ ok: true, spec: r.spec, unmodeled: [], status: {} });
    expect(r.unmodeled.sort()).toEqual(f.startsWith("sy-test-model-extras") ? [...extrasUnmodeled].sort() : []);
  });
});

describe("what libvirt adds is carried", () => {
  it("default (live): uuid, bridge, stp, delay, mac, NAT ports, connections as status", () => {
    const r = parsed("default.live.xml");
    expect(r.status).toEqual({ connections: 2 });
    expect(r.spec).toEqual({
      name: "default",
      uuid: expect.stringMatching(/^[0-9a-f-]{36}$/), // the lab's reset gives default a new one
      mode: "nat",
      nat: { portStart: 1024, portEnd: 65535 },
      bridge: { name: "virbr0", stp: true, delay: 0 },
      mac: expect.stringMatching(/^52:54:00(:[0-9a-f]{2}){3}$/),
      ipv4: { address: "192.168.122.1", prefix: 24, dhcp: { ranges: [{ start: "192.168.122.2", end: "192.168.122.254" }], hosts: [] }, routes: [] },
    });
  });

  it("default (inactive) has no NAT element", () => {
    expect(parsed("default.inactive.xml").spec).not.toHaveProperty("nat");
  });

  it("the full NAT network: everything we defined comes back", () => {
    const r = parsed("sy-test-model-nat.live.xml");
    const input = parseNetworkXml(readFileSync(path.join(dir, "../input/sy-test-model-nat.xml"), "utf8"));
    expect(input.ok).toBe(true);
    if (!input.ok) return;
    expect(r.spec).toEqual({ ...input.spec, uuid: r.spec.uuid });
    expect(forwardingLabel(r.spec)).toBe("NAT to eth0");
  });

  it.each([
    ["sy-test-model-route.live.xml", "route", "Routed to eth0"],
    ["sy-test-model-open.live.xml", "open", "Open"],
    ["sy-test-model-isolated.live.xml", "isolated", "Isolated"],
    ["sy-test-model-bridge.live.xml", "bridge", "Bridge br0"],
    ["sy-test-model-macvtap.live.xml", "macvtap", "Macvtap (bridge) on eth1, eth2"],
    ["sy-test-model-hostdev.inactive.xml", "hostdev", "SR-IOV pool on eth2"],
  ])("%s is %s (%s)", (f, mode, label) => {
    const { spec } = parsed(f);
    expect(spec.mode).toBe(mode);
    expect(forwardingLabel(spec)).toBe(label);
  });

  it("a netmask reads as a prefix", () => {
    expect(parsed("sy-test-model-route.live.xml").spec).toMatchObject({ ipv4: { address: "10.210.2.1", prefix: 24 } });
  });
});

describe("XML the model refuses or reports", () => {
  it.each([
    ["<network><name>x</name>", /Invalid XML at line 1/],
    ["<domain><name>x</name></domain>", /root element must be a single <network>/],
    ["<network><uuid>u</uuid></network>", /missing <name>/],
    ["<network><name>x</name><forward mode='nat'><nat><port start='a' end='2'/></nat></forward></network>", /port\/@start: expected a whole number/],
    ["<network><name>x</name><forward mode='open' dev='eth0'/></network>", /open network takes no device/],
    ["<network><name>x</name><forward mode='magic'/></network>", /unknown forward mode 'magic'/],
    ["<network><name>x</name><bridge stp='maybe'/></network>", /expected 'on' or 'off'/],
    ["<network><name>x</name><ip address='10.0.0.1' netmask='255.0.255.0'/></network>", /is not a netmask/],
    ["<network><name>x</name><forward mode='hostdev'><address type='pci' domain='0' bus='1' slot='0' function='1'/></forward></network>", /PCI addresses are not supported/],
    ["<network><name>x</name><forward mode='nat' dev='eth0'><interface dev='eth0'/><interface dev='eth1'/></forward></network>", /pool of 2 interfaces/],
    ["<network><name>x</name><route address='10.9.0.0' prefix='16' gateway='10.0.0.2'/></network>", /needs an <ip> of that family/],
  ])("%s", (xml, err) => {
    const r = parseNetworkXml(xml);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(err);
  });

  it("a second <ip> of a family, and a second <bridge>, are reported whole", () => {
    const r = parseNetworkXml("<network><name>x</name><bridge name='a'/><bridge name='b'/><ip address='10.0.0.1' prefix='24'/><ip address='10.0.1.1' prefix='24'><dhcp/></ip></network>");
    expect(r).toMatchObject({ ok: true, unmodeled: ["/network/bridge[2]", "/network/ip[2]"] });
  });

  it("<forward> without a mode is NAT, as libvirt reads it", () => {
    expect(parseNetworkXml("<network><name>x</name><forward/></network>")).toMatchObject({ ok: true, spec: { mode: "nat" } });
  });

  it("character references and stray text", () => {
    const r = parseNetworkXml("<network><name>a&#10;&#x42;&amp;</name>stray</network>");
    expect(r).toMatchObject({ ok: true, spec: { name: "a\nB&" }, unmodeled: ["/network/text()"] });
  });
});

describe("forward device forms libvirt accepts", () => {
  it("<interface dev> alone is the device", () => {
    expect(parseNetworkXml("<network><name>x</name><forward mode='route'><interface dev='eth1'/></forward></network>")).toMatchObject({ ok: true, spec: { mode: "route", dev: "eth1" }, unmodeled: [] });
  });
  it("a dev that disagrees with its interface is refused", () => {
    expect(parseNetworkXml("<network><name>x</name><forward mode='nat' dev='eth0'><interface dev='eth1'/></forward></network>")).toMatchObject({ ok: false });
  });
  it("an unknown macTableManager is refused", () => {
    expect(parseNetworkXml("<network><name>x</name><bridge macTableManager='hub'/></network>")).toMatchObject({ ok: false, error: "/network/bridge/@macTableManager: expected 'kernel' or 'libvirt', found 'hub'" });
  });
});

describe("xmlPolicyIssues", () => {
  it("flags the extras fixture's dnsmasq options and <tftp root>, and passes libvirt's own XML", () => {
    expect(xmlPolicyIssues(read("sy-test-model-extras.live.xml")).map((i) => i.path)).toEqual([
      "/network/@xmlns:dnsmasq",
      "/network/ip/tftp",
      "/network/dnsmasq:options",
    ]);
    expect(xmlPolicyIssues(read("sy-test-model-nat.live.xml"))).toEqual([]);
  });
});
