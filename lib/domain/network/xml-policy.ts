// XML that parses and that libvirt accepts, but that Switchyard should not
// pass through from an editor without saying so. dnsmasq:options hands
// arbitrary options to dnsmasq, which libvirt runs as root; options such as
// dhcp-script or conf-file make that a way to run commands on the host.
import type { ParseResult } from "./xml-parse";

export type XmlPolicyIssue = { path: string; message: string };

const DNSMASQ_NS = "http://libvirt.org/schemas/network/dnsmasq/1.0";

/** Reasons to refuse XML from an editor; empty when there are none. */
export function xmlPolicyIssues(result: Extract<ParseResult, { ok: true }>, xml: string): XmlPolicyIssue[] {
  const out: XmlPolicyIssue[] = [];
  const dnsmasq = result.unmodeled.filter((p) => /(^|\/)[^/@]*:/.test(p.replace(/^\/network/, "")) && !p.includes("/metadata"));
  if (dnsmasq.length > 0 || xml.includes(DNSMASQ_NS)) {
    out.push({
      path: dnsmasq[0] ?? "/network",
      message: "Namespaced elements such as dnsmasq:options pass raw options to dnsmasq, which runs as root on the host; Switchyard does not apply them.",
    });
  }
  return out;
}
