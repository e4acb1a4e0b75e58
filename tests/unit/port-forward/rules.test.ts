import { describe, expect, it } from "vitest";
import { buildNetworkXml, parseNetworkXml, type NatNetwork } from "@/lib/domain/network";
import { diffRules, parsePorts, PORT_FORWARD_NS, type PortForwardRule } from "@/lib/domain/network/port-forward";
import { parseListening, portForwardFormSchema, portForwardIssues, ruleFromForm, type PortForwardContext } from "@/lib/domain/network/port-forward-schema";

const web: PortForwardRule = { protocol: "tcp", hostPorts: { start: 8080, end: 8080 }, guestAddress: "192.168.122.10", guestPorts: { start: 80, end: 80 }, comment: 'web "front" <1> & co' };
const dns: PortForwardRule = { protocol: "udp", hostAddress: "198.18.0.2", hostPorts: { start: 5300, end: 5310 }, guestAddress: "192.168.122.11", guestPorts: { start: 5300, end: 5310 } };

const nat: NatNetwork = { mode: "nat", name: "default", uuid: "6a3a5c3e-8f2b-4c1e-9a55-0f5f1a2b3c4d", bridge: { name: "virbr0" }, ipv4: { address: "192.168.122.1", prefix: 24, routes: [] } };

const ctx = (over: Partial<PortForwardContext> = {}): PortForwardContext => ({
  networkCidr: "192.168.122.1/24",
  hostAddresses: ["198.18.0.2", "192.168.122.1"],
  existing: [],
  listening: parseListening("tcp   LISTEN 0 128 198.18.0.2:22 0.0.0.0:*\nudp UNCONN 0 0 0.0.0.0%virbr0:67 0.0.0.0:*\ntcp LISTEN 0 32 [::]:9090 [::]:*\n"),
  ...over,
});

describe("port forward rules in the network XML", () => {
  it("round-trip through build and parse exactly, with nothing left unmodeled", () => {
    const spec: NatNetwork = { ...nat, portForwards: [web, dns] };
    const xml = buildNetworkXml(spec);
    expect(xml).toContain(`xmlns:swy="${PORT_FORWARD_NS}"`);
    const parsed = parseNetworkXml(xml);
    expect(parsed.ok && parsed.unmodeled).toEqual([]);
    expect(parsed.ok && parsed.spec).toEqual(spec);
  });

  it("reads libvirt's own formatting of the metadata (as net-dumpxml prints it)", () => {
    const xml = `<network>
  <name>default</name>
  <metadata>
    <swy:port-forwards xmlns:swy="${PORT_FORWARD_NS}">
      <swy:rule proto="tcp" host-port="8080" guest-address="192.168.122.10" guest-port="80" comment="a &quot;b&quot; &lt;c&gt; &amp;"/>
    </swy:port-forwards>
  </metadata>
  <forward mode='nat'/>
  <ip address='192.168.122.1' netmask='255.255.255.0'>
  </ip>
</network>`;
    const parsed = parseNetworkXml(xml);
    expect(parsed.ok && parsed.unmodeled).toEqual([]);
    expect(parsed.ok && parsed.spec.mode === "nat" && parsed.spec.portForwards).toEqual([{ ...web, comment: 'a "b" <c> &' }]);
  });

  it("leaves another namespace's metadata unmodeled, and refuses a malformed rule", () => {
    const other = parseNetworkXml(`<network><name>n</name><metadata><x:y xmlns:x="urn:other"/></metadata><ip address="10.0.0.1" prefix="24"/></network>`);
    expect(other.ok && other.unmodeled).toEqual(["/network/metadata"]);
    const spoofed = parseNetworkXml(`<network><name>n</name><metadata><swy:port-forwards xmlns:swy="urn:not-ours"/></metadata><ip address="10.0.0.1" prefix="24"/></network>`);
    expect(spoofed.ok && spoofed.unmodeled).toEqual(["/network/metadata/swy:port-forwards"]);
    const bad = parseNetworkXml(`<network><name>n</name><metadata><swy:port-forwards xmlns:swy="${PORT_FORWARD_NS}"><swy:rule proto="tcp" host-port="80-90" guest-address="10.0.0.5" guest-port="80"/></swy:port-forwards></metadata><ip address="10.0.0.1" prefix="24"/></network>`);
    expect(bad.ok).toBe(false);
  });
});

describe("the rule form and its checks against the host", () => {
  const form = (over: Record<string, string> = {}) => portForwardFormSchema.safeParse({ protocol: "tcp", hostAddress: "", hostPort: "8080", guestAddress: "192.168.122.10", guestPort: "80", comment: "", ...over });

  it("parses ports and ranges, refusing out-of-range, reversed and padded ones", () => {
    expect(parsePorts("8080-8090")).toEqual({ start: 8080, end: 8090 });
    for (const bad of ["0", "65536", "90-80", "080", " 80", "80-", "1e3", "80,81"]) expect(parsePorts(bad)).toBeNull();
  });

  it("puts each error on its field", () => {
    const unequal = form({ hostPort: "8080-8082", guestPort: "80-81" });
    expect(unequal.success).toBe(false);
    expect(unequal.error?.issues.map((i) => i.path.join("."))).toEqual(["guestPort"]);
    const many = form({ protocol: "sctp", hostAddress: "not-an-ip", hostPort: "70000", guestAddress: "x" });
    expect(many.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["guestAddress", "hostAddress", "hostPort", "protocol"]);
  });

  it("accepts a good rule on the host and refuses guests outside the subnet, clashes and busy host ports", () => {
    const parsed = form();
    expect(parsed.success).toBe(true);
    const rule = ruleFromForm(parsed.data!);
    expect(portForwardIssues(rule, ctx())).toEqual({});
    expect(portForwardIssues({ ...rule, guestAddress: "10.0.0.5" }, ctx())).toHaveProperty("guestAddress");
    expect(portForwardIssues({ ...rule, guestAddress: "192.168.122.1" }, ctx())).toHaveProperty("guestAddress");
    expect(portForwardIssues({ ...rule, hostAddress: "203.0.113.9" }, ctx())).toHaveProperty("hostAddress");
    const clash = portForwardIssues({ ...rule, hostPorts: { start: 8000, end: 8100 }, guestPorts: { start: 8000, end: 8100 } }, ctx({ existing: [{ network: "other", rule: web }] }));
    expect(clash.hostPort).toMatch(/other/);
    // Another protocol, or another host address than a pinned rule's, does not clash.
    expect(portForwardIssues({ ...rule, protocol: "udp" }, ctx({ existing: [{ network: "n", rule: web }] }))).toEqual({});
    expect(portForwardIssues({ ...rule, hostAddress: "192.168.122.1", protocol: "udp", hostPorts: { start: 5300, end: 5300 }, guestPorts: { start: 1, end: 1 } }, ctx({ existing: [{ network: "n", rule: dns }] }))).toEqual({});
    expect(portForwardIssues({ ...rule, hostPorts: { start: 22, end: 22 } }, ctx()).hostPort).toMatch(/listens on tcp 198.18.0.2 port 22/);
    expect(portForwardIssues({ ...rule, hostAddress: "192.168.122.1", hostPorts: { start: 22, end: 22 } }, ctx())).toEqual({});
    expect(portForwardIssues({ ...rule, hostPorts: { start: 9000, end: 9100 }, guestPorts: { start: 9000, end: 9100 } }, ctx()).hostPort).toMatch(/every address port 9090/);
  });

  it("diffs rule lists by what they forward", () => {
    expect(diffRules([web], [web, dns])).toEqual({ added: [dns], removed: [], kept: [web] });
    expect(diffRules([web, dns], [{ ...dns, comment: "renamed" }])).toEqual({ added: [], removed: [web], kept: [{ ...dns, comment: "renamed" }] });
  });
});
