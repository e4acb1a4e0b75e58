// Property and fuzz tests: random specs in every mode, with hostile strings in
// every text field, always build XML whose elements and attributes are exactly
// those of the same spec with harmless strings, never a namespace (no
// `dnsmasq:`), and which parses back to the same spec. "true" is in the list
// because fast-xml-parser, by default, writes an attribute "true" as a bare name.
import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { isXmlSafe } from "@/lib/domain/net";
import { buildNetworkXml, parseNetworkXml, type NetworkSpec } from "@/lib/domain/network";

const HOSTILE = [
  `"><x/>`, `' a='`, `]]>`, `&`, `&amp;`, `&#10;`, `<![CDATA[x]]>`, `<!-- c -->`, `<?pi x?>`,
  `xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'`, `"/><dnsmasq:options><dnsmasq:option value='x'/></dnsmasq:options><x a="`,
  "true", "false", "a\nb", "\r\n", "\t", " lead", "trail ", "", "é🙂日本", "\u00a0", "a'b\"c", "</name><name>x", "${x}", "$(reboot)",
];

const text = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 12 }).filter(isXmlSafe),
  fc.array(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 3 }).map((a) => a.join("")),
);
const int = (min: number, max: number) => fc.integer({ min, max });
const bool = fc.boolean();
const list = <T>(a: fc.Arbitrary<T>) => fc.array(a, { maxLength: 3 });

/** fc.record that leaves optional keys out (not undefined), as the parser does. */
function rec<T extends Record<string, fc.Arbitrary<unknown>>>(req: T, optional: Record<string, fc.Arbitrary<unknown>>) {
  return fc.record({ ...req, ...optional }, { requiredKeys: Object.keys(req) as never[] });
}

const ip = rec(
  { address: text, prefix: int(0, 128), routes: list(rec({ address: text, prefix: int(0, 128), gateway: text }, { metric: int(0, 9999) })) },
  {
    localPtr: bool,
    dhcp: fc.record({
      ranges: list(fc.record({ start: text, end: text })),
      hosts: list(rec({ ip: text }, { mac: text, id: text, name: text })),
    }),
  },
);

const layer3 = {
  bridge: rec({}, { name: text, stp: bool, delay: int(0, 100), macTableManager: fc.constantFrom("kernel", "libvirt"), zone: text }),
  mtu: int(68, 65535),
  mac: text,
  domain: rec({ name: text }, { localOnly: bool, register: bool }),
  dns: rec({ forwarders: list(rec({}, { addr: text, domain: text })), hosts: list(fc.record({ ip: text, hostnames: list(text) })) }, { enable: bool, forwardPlainNames: bool }),
  ipv4: ip,
  ipv6: ip,
  ipv6Internal: bool,
};

/** IPv6 `<ip>` elements carry family='ipv6'; the parser keys on it, so ipv6's routes go with family too. */
const specArb: fc.Arbitrary<NetworkSpec> = fc.oneof(
  rec({ name: text, mode: fc.constant("isolated") }, { uuid: text, ...layer3 }),
  rec({ name: text, mode: fc.constant("nat") }, { uuid: text, ...layer3, dev: text, nat: rec({}, { addressStart: text, addressEnd: text, portStart: int(0, 65535), portEnd: int(0, 65535), ipv6: bool }) }),
  rec({ name: text, mode: fc.constant("route") }, { uuid: text, ...layer3, dev: text }),
  rec({ name: text, mode: fc.constant("open") }, { uuid: text, ...layer3 }),
  rec({ name: text, mode: fc.constant("bridge"), hostBridge: text }, { uuid: text }),
  rec({ name: text, mode: fc.constant("macvtap"), macvtapMode: fc.constantFrom("bridge", "private", "vepa", "passthrough"), interfaces: fc.array(text, { minLength: 1, maxLength: 3 }) }, { uuid: text }),
  rec({ name: text, mode: fc.constant("hostdev"), pf: text }, { uuid: text, managed: bool }),
) as fc.Arbitrary<NetworkSpec>;

/** The tree of element names and attribute names, without any values. */
function shape(xml: string): unknown {
  const doc = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml) as Node[];
  type Node = Record<string, unknown>;
  const walk = (nodes: Node[]): unknown[] =>
    nodes.flatMap((n) => {
      const tag = Object.keys(n).find((k) => k !== ":@");
      if (!tag || tag === "#text") return [];
      const attrs = Object.keys((n[":@"] as Node) ?? {}).sort();
      return [{ tag, attrs, children: walk(n[tag] as Node[]) }];
    });
  return walk(doc);
}

function names(s: unknown): string[] {
  const t = s as { tag: string; attrs: string[]; children: unknown[] }[];
  return t.flatMap((n) => [n.tag, ...n.attrs, ...names(n.children)]);
}

/** The same spec with every string replaced by "x": what the XML's shape must be. */
function benign(spec: NetworkSpec): NetworkSpec {
  return JSON.parse(JSON.stringify(spec), (k, v) => (typeof v === "string" && k !== "mode" && k !== "macvtapMode" && k !== "macTableManager" ? "x" : v));
}

describe("hostile strings never change the XML's shape", () => {
  it("structure equals the benign build, no namespaces, well-formed", () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const xml = buildNetworkXml(spec);
        expect(XMLValidator.validate(xml)).toBe(true);
        const s = shape(xml);
        expect(s).toEqual(shape(buildNetworkXml(benign(spec))));
        for (const n of names(s)) {
          expect(n).not.toContain(":");
          expect(n.startsWith("xmlns")).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("and parse back to the same spec", () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const back = parseNetworkXml(buildNetworkXml(spec));
        expect(back).toEqual({ ok: true, spec, unmodeled: [], status: {} });
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it.each(HOSTILE)("hostile name %j round-trips exactly", (name) => {
    const spec: NetworkSpec = { name, mode: "nat", dev: name, domain: { name }, dns: { forwarders: [{ domain: name }], hosts: [{ ip: name, hostnames: [name, name] }] } };
    const xml = buildNetworkXml(spec);
    expect(shape(xml)).toEqual(shape(buildNetworkXml(benign(spec))));
    expect(names(shape(xml)).filter((n) => n.includes(":") || n.startsWith("xmlns"))).toEqual([]);
    expect(parseNetworkXml(xml)).toEqual({ ok: true, spec, unmodeled: [], status: {} });
  });
});
