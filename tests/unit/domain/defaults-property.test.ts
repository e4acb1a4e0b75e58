// Properties of the defaults over random hosts and prefixes: what virt-manager
// would propose always passes the model's own rules.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultDhcpV4, defaultWizardValues, dhcpRangeIssues, gatewayOf, validateWizard, wizardToSpec, buildNetworkXml, parseNetworkXml, type HostFacts } from "@/lib/domain/network";
import { parseCidr, networkCidr } from "@/lib/domain/net";

const octet = fc.integer({ min: 0, max: 255 });
const subnet = fc.tuple(octet, octet, octet, fc.integer({ min: 16, max: 30 })).map(([a, b, c, p]) => networkCidr(parseCidr(`192.168.${c}.${a & b}/${p}`)!));
const factsArb: fc.Arbitrary<HostFacts> = fc.record({
  networks: fc.array(fc.record({ name: fc.constantFrom("default", "network1", "network2", "network4", "lab"), subnets: fc.array(subnet, { maxLength: 2 }) }), { maxLength: 5 }),
  addresses: fc.array(fc.record({ ifname: fc.constant("eth1"), cidr: subnet }), { maxLength: 3 }),
  routes: fc.array(fc.record({ dst: subnet, dev: fc.constant("eth1") }), { maxLength: 3 }),
  interfaces: fc.constant(["eth0", "eth1"]),
  bridges: fc.constant([]),
});

describe("defaults", () => {
  it("the wizard's starting values validate against the host they were computed for, and build to XML that parses back", () => {
    fc.assert(
      fc.property(factsArb, fc.uint8Array({ minLength: 16, maxLength: 16 }), (facts, bytes) => {
        const v = defaultWizardValues(facts, (n) => bytes.slice(0, n));
        if (!v.ipv4.enabled) return; // every 192.168.100–255 /24 taken: nothing to propose
        const withV6 = { ...v, ipv6: { ...v.ipv6, enabled: true } };
        expect(validateWizard(withV6, { facts })).toMatchObject({ ok: true });
        const spec = wizardToSpec(withV6);
        expect(parseNetworkXml(buildNetworkXml(spec))).toMatchObject({ ok: true, spec });
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it("the DHCPv4 default is inside the network, avoids the gateway, and respects libvirt's limit for every prefix", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 8, max: 29 }), (n, prefix) => {
        const addr = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
        const net = parseCidr(networkCidr(parseCidr(`${addr}/${prefix}`)!))!;
        expect(dhcpRangeIssues(net, gatewayOf(net), defaultDhcpV4(net))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});
