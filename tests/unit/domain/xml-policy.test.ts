import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildNetworkXml, policyIdentity, XML_EDIT_MAX_BYTES, xmlPolicyIssues } from "@/lib/domain/network";
import { specsFor } from "./specs";

// The XML editor's policy, judged on the parsed tree: every way of writing the
// dnsmasq namespace (or any other) outside <metadata> is refused, whatever the
// prefix, quoting or character references; DOCTYPEs, entities and processing
// instructions never reach a parser that would expand them.

const dir = path.join(__dirname, "../../fixtures/libvirt/dumpxml");
const DNSMASQ = "http://libvirt.org/schemas/network/dnsmasq/1.0";
const net = (inner: string, rootAttrs = "") => `<network${rootAttrs}>\n  <name>n1</name>\n  <uuid>d6dba1a6-061d-416d-a395-f4bbaae1243a</uuid>\n${inner}\n</network>\n`;
const paths = (xml: string) => xmlPolicyIssues(xml).map((i) => i.path);
const messages = (xml: string) => xmlPolicyIssues(xml).map((i) => i.message).join("\n");

describe("libvirt's own XML passes", () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".xml") && !f.startsWith("sy-test-model-extras"));
  it.each(files)("%s", (f) => {
    expect(xmlPolicyIssues(readFileSync(path.join(dir, f), "utf8"))).toEqual([]);
  });

  // The allowlist of modelled elements is written out; this keeps it in step with the model.
  it.each(Object.entries(specsFor("pol")))("passes what the model writes itself: %s", (_name, spec) => {
    expect(xmlPolicyIssues(buildNetworkXml(spec))).toEqual([]);
  });

  it("passes the allow-listed unmodelled elements and attributes", () => {
    const xml = net(`  <title>t</title>
  <description>d</description>
  <metadata><app:x xmlns:app="urn:app" app:y="1"><?not-here?></app:x></metadata>
  <bandwidth><inbound average='1000' peak='5000' burst='1024'/></bandwidth>
  <vlan trunk='yes'><tag id='42'/></vlan>
  <port isolated='yes'/>
  <portgroup name='eng' default='yes'><vlan><tag id='7'/></vlan><bandwidth><outbound average='10'/></bandwidth></portgroup>
  <dns><txt name='a' value='b'/><srv service='http' protocol='tcp'/></dns>
  <ip address='10.0.0.1' prefix='24'><dhcp><range start='10.0.0.2' end='10.0.0.9'><lease expiry='1' unit='hours'/></range><bootp file='pxelinux.0'/></dhcp></ip>`, " trustGuestRxFilters='no'");
    // The PI inside metadata is still a PI: refused, and only that.
    expect(paths(xml)).toEqual(["/network/metadata/app:x"]);
    expect(paths(xml.replace("<?not-here?>", ""))).toEqual([]);
  });
});

describe("foreign namespaces outside <metadata>", () => {
  const option = "<option value='dhcp-script=/tmp/x'/>";
  const variants: [string, string][] = [
    ["prefixed, declared on the root", net(`  <dnsmasq:options><dnsmasq:option value='dhcp-script=/tmp/x'/></dnsmasq:options>`, ` xmlns:dnsmasq='${DNSMASQ}'`)],
    ["prefixed, declared on the element", net(`  <d:options xmlns:d="${DNSMASQ}"><d:option value='conf-file=/etc/shadow'/></d:options>`)],
    ["default namespace", net(`  <options xmlns='${DNSMASQ}'>${option}</options>`)],
    ["default namespace hidden by a decimal character reference", net(`  <options xmlns='&#104;ttp://libvirt.org/schemas/network/dnsmasq/1.0'>${option}</options>`)],
    ["default namespace hidden by hex character references", net(`  <options xmlns="&#x68;&#x74;tp:&#x2F;/libvirt.org/schemas/network/dnsmasq/1.0">${option}</options>`)],
    ["default namespace with predefined entities", net(`  <options xmlns="http&#58;//libvirt.org/schemas/network/dnsmasq/1.0">${option}</options>`)],
    ["default namespace declared on the root", `<network xmlns='${DNSMASQ}'><name>n1</name><options>${option}</options></network>`],
    ["an unrelated prefix redeclared to dnsmasq in a nested element", net(`  <x:options xmlns:x="urn:harmless"><x:option xmlns:x="${DNSMASQ}" value='dhcp-script=/tmp/x'/></x:options>`)],
    ["a default namespace reset then set again", net(`  <bandwidth xmlns=""><inbound xmlns="${DNSMASQ}" average="1"/></bandwidth>`)],
    ["dnsmasq elements nested in a passthrough element", net(`  <portgroup name='p'><options xmlns='${DNSMASQ}'>${option}</options></portgroup>`)],
  ];
  it.each(variants)("%s", (_what, xml) => {
    const issues = xmlPolicyIssues(xml);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => i.message).join(" ")).toMatch(/namespace/);
    // The message names the element.
    expect(issues.map((i) => i.message).join(" ")).toMatch(/<[\w:]*(options|option|inbound|network)>/);
  });

  it("refuses the dnsmasq namespace even inside <metadata>", () => {
    expect(messages(net(`  <metadata><options xmlns='&#104;ttp://libvirt.org/schemas/network/dnsmasq/1.0'>${option}</options></metadata>`))).toMatch(/dnsmasq namespace/);
  });

  it("refuses attributes in a foreign namespace, xml:* attributes and stray declarations", () => {
    expect(paths(net(`  <bridge name='b0' xmlns:e='urn:e' e:stp='on'/>`))).toEqual(["/network/bridge/@xmlns:e", "/network/bridge/@e:stp"]);
    expect(paths(net(`  <bridge name='b0' xml:lang='en'/>`))).toEqual(["/network/bridge/@xml:lang"]);
    expect(paths(net("", ` xmlns:dnsmasq='${DNSMASQ}'`))).toEqual(["/network/@xmlns:dnsmasq"]);
  });

  it("is not fooled by comments or CDATA that look like elements", () => {
    expect(xmlPolicyIssues(net(`  <!-- <dnsmasq:options xmlns:dnsmasq='${DNSMASQ}'/> -->\n  <description><![CDATA[<options xmlns='${DNSMASQ}'/>]]></description>`))).toEqual([]);
    // A CDATA section cannot open an element: the text "<bridge" in it is text.
    expect(paths(net(`  <bridge name='b0'/><![CDATA[<bridge>]]>`))).toEqual([]);
  });
});

describe("declarations, entities and processing instructions", () => {
  it("refuses a DOCTYPE and its entities, including billion laughs, without expanding them", () => {
    const lol = `<!DOCTYPE network [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join("")}]>`;
    const started = performance.now();
    const issues = xmlPolicyIssues(`${lol}${net("  <description>&j;</description>")}`);
    expect(performance.now() - started).toBeLessThan(200);
    expect(issues).toEqual([expect.objectContaining({ path: "/", message: expect.stringMatching(/DOCTYPE/) })]);
  });

  it("refuses an external entity and an entity that would hide a namespace", () => {
    expect(messages(`<!DOCTYPE network [<!ENTITY x SYSTEM "file:///etc/shadow">]>${net("  <description>&x;</description>")}`)).toMatch(/DOCTYPE/);
    expect(messages(`<!DOCTYPE network [<!ENTITY ns "${DNSMASQ}">]>${net("  <options xmlns='&ns;'/>")}`)).toMatch(/DOCTYPE/);
    expect(messages(net("  <description>&undeclared;</description>"))).toMatch(/not valid network XML/);
  });

  it("refuses processing instructions, naming where they are", () => {
    expect(xmlPolicyIssues(net("  <ip address='10.0.0.1' prefix='24'><?php system('id'); ?></ip>"))).toEqual([expect.objectContaining({ path: "/network/ip", message: expect.stringMatching(/<\?php\?> inside <ip>/) })]);
    expect(paths(`<?xml-stylesheet href="x"?>${net("")}`)).toEqual(["/"]);
    // The XML declaration is not a processing instruction.
    expect(xmlPolicyIssues(`<?xml version="1.0" encoding="UTF-8"?>\n${net("")}`)).toEqual([]);
  });

  it("refuses documents over the size cap without parsing them", () => {
    const big = net(`  <description>${"x".repeat(XML_EDIT_MAX_BYTES)}</description>`);
    expect(messages(big)).toMatch(/at most 256 kB/);
  });
});

describe("what the model does not know, and what exposes the host", () => {
  it("refuses unknown elements and attributes with the element's name", () => {
    expect(xmlPolicyIssues(net("  <bogus/>"))).toEqual([expect.objectContaining({ path: "/network/bogus", message: expect.stringMatching(/<bogus>/) })]);
    expect(paths(net("  <bridge name='b0' script='/tmp/x'/>"))).toEqual(["/network/bridge/@script"]);
  });

  it("refuses <tftp root> and <bootp server>, not <bootp file>", () => {
    expect(messages(net("  <ip address='10.0.0.1' prefix='24'><tftp root='/'/></ip>"))).toMatch(/<tftp root>/);
    expect(messages(net("  <ip address='10.0.0.1' prefix='24'><dhcp><bootp file='x' server='198.51.100.7'/></dhcp></ip>"))).toMatch(/<bootp server>/);
    expect(xmlPolicyIssues(net("  <ip address='10.0.0.1' prefix='24'><dhcp><bootp file='x'/></dhcp></ip>"))).toEqual([]);
  });

  it("refuses a device-taking <forward> on the console's SSH uplink, but not NAT through it", () => {
    const sshCarriers = new Map([["eth0", "holds 198.18.0.2, the address the console connects to"]]);
    const on = (xml: string) => xmlPolicyIssues(xml, { sshCarriers });
    expect(on(net("  <forward mode='passthrough'><interface dev='eth0'/></forward>")).map((i) => i.path)).toEqual(["/network/forward/interface/@dev"]);
    expect(on(net("  <forward mode='bridge' dev='eth0'/>")).map((i) => i.message).join()).toMatch(/eth0 carries the console's SSH session/);
    expect(on(net("  <forward mode='hostdev' managed='yes'><pf dev='eth0'/></forward>")).map((i) => i.path)).toEqual(["/network/forward/pf/@dev"]);
    expect(on(net("  <forward mode='private'><interface dev='eth1'/></forward>"))).toEqual([]);
    expect(on(net("  <forward mode='nat' dev='eth0'><interface dev='eth0'/></forward>"))).toEqual([]);
  });

  it("refuses a root other than <network>", () => {
    expect(messages("<domain><name>x</name></domain>")).toMatch(/root element must be <network>/);
  });
});

describe("policyIdentity", () => {
  it("decodes names written with character references, as libvirt would", () => {
    expect(policyIdentity(net("").replace("<name>n1</name>", "<name>&#110;&#x31;</name>"))).toEqual({ name: "n1", uuid: "d6dba1a6-061d-416d-a395-f4bbaae1243a" });
    expect(policyIdentity(net("").replace("<name>n1</name>", "<name>n<!-- -->1<![CDATA[x]]></name>")).name).toBe("n1x");
  });
});
