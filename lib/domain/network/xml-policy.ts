// What the XML editor refuses even though it parses and libvirt may accept it,
// judged on the parsed tree with namespaces resolved (./xml-policy-tree.ts),
// never on the text: libvirt resolves namespaces by URI, so an unprefixed
// element with a default namespace hidden behind character references is as
// much dnsmasq:options as the prefixed one, and dnsmasq runs its options as
// root (dhcp-script=, conf-file=). Outside <metadata> only what Switchyard
// models or passes through knowingly (./xml-policy-allowlist.ts) is accepted.
import { BOOTP_SERVER, DNSMASQ_NS, HOST_EXPOSING, METADATA, MODELLED, PASSTHROUGH, ROUTING_MODES } from "./xml-policy-allowlist";
import { readPolicyTree, type PolicyAttr, type PolicyElement } from "./xml-policy-tree";

export type XmlPolicyIssue = { path: string; message: string };

export type XmlPolicyContext = {
  /** Host interfaces that carry the console's SSH session, with why (lib/domain/interfaces/usage.ts sshCarriers). */
  sshCarriers?: ReadonlyMap<string, string>;
};

/** Network XML is a few kB; even thousands of DHCP reservations stay well below this. */
export const XML_EDIT_MAX_BYTES = 256 * 1024;

const XMLNS_URI = "http://www.w3.org/2000/xmlns/";

const underPassthrough = (path: string) => PASSTHROUGH.some((p) => path === p || path.startsWith(`${p}/`));

function attrIssue(el: PolicyElement, a: PolicyAttr, allowed: readonly string[] | undefined): XmlPolicyIssue | null {
  const at = `${el.path}/@${a.name}`;
  if (a.uri === XMLNS_URI) {
    return { path: at, message: `<${el.name}> declares a namespace (${a.name}="${a.value}"); outside <metadata> Switchyard accepts no namespaces.` };
  }
  if (a.uri !== "") return { path: at, message: `<${el.name}> has attribute ${a.name} in namespace ${a.uri}; outside <metadata> Switchyard accepts no namespaces.` };
  if (allowed && !allowed.includes(a.local)) return { path: at, message: `<${el.name}> has attribute ${a.name}, which Switchyard does not know there; it does not apply it.` };
  return null;
}

function forwardIssues(forward: PolicyElement, ctx: XmlPolicyContext): XmlPolicyIssue[] {
  const carriers = ctx.sshCarriers;
  const mode = forward.attrs.find((a) => a.name === "mode")?.value ?? "nat";
  if (!carriers || ROUTING_MODES.includes(mode)) return [];
  const named = [
    { el: forward, dev: forward.attrs.find((a) => a.name === "dev")?.value },
    ...forward.children.filter((c) => c.name === "interface" || c.name === "pf").map((el) => ({ el, dev: el.attrs.find((a) => a.name === "dev")?.value })),
  ];
  return named.flatMap(({ el, dev }) => {
    const why = dev === undefined ? undefined : carriers.get(dev);
    if (why === undefined) return [];
    return [{ path: `${el.path}/@dev`, message: `<${el.name} dev='${dev}'>: ${dev} carries the console's SSH session (${why}); a ${mode} network would hand it to guests and could cut this host off.` }];
  });
}

function judge(el: PolicyElement, ctx: XmlPolicyContext, out: XmlPolicyIssue[]): void {
  if (el.uri === DNSMASQ_NS) {
    out.push({ path: el.path, message: `<${el.name}> is in libvirt's dnsmasq namespace, which passes raw options to dnsmasq running as root on the host; Switchyard does not apply it.` });
    return;
  }
  if (el.path === METADATA && el.uri === "") {
    // Anything may live inside, except the dnsmasq namespace (checked all the way down for clarity).
    const walk = (e: PolicyElement) => e.children.forEach((c) => (c.uri === DNSMASQ_NS ? judge(c, ctx, out) : walk(c)));
    walk(el);
    return;
  }
  if (el.uri !== "") {
    out.push({ path: el.path, message: `<${el.name}> is in namespace ${el.uri}; outside <metadata> Switchyard accepts no namespaces, so it does not apply it.` });
    return;
  }
  const exposing = HOST_EXPOSING[el.path];
  if (exposing) {
    out.push({ path: el.path, message: exposing });
    return;
  }
  if (el.path === BOOTP_SERVER.path && el.attrs.some((a) => a.name === BOOTP_SERVER.attribute)) {
    out.push({ path: `${el.path}/@${BOOTP_SERVER.attribute}`, message: BOOTP_SERVER.message });
    return;
  }
  const modelled = MODELLED[el.path];
  if (!modelled && !underPassthrough(el.path)) {
    out.push({ path: el.path, message: `<${el.name}> at ${el.path} is not an element Switchyard models or passes through; it does not apply it.` });
    return;
  }
  for (const a of el.attrs) {
    const issue = attrIssue(el, a, modelled);
    if (issue) out.push(issue);
  }
  if (el.path === "/network/forward") out.push(...forwardIssues(el, ctx));
  for (const child of el.children) judge(child, ctx, out);
}

/** Reasons to refuse XML from the editor; empty when there are none. Run it before any other parser sees the text. */
export function xmlPolicyIssues(xml: string, ctx: XmlPolicyContext = {}): XmlPolicyIssue[] {
  const bytes = new TextEncoder().encode(xml).length;
  if (bytes > XML_EDIT_MAX_BYTES) {
    return [{ path: "/", message: `The XML is ${Math.ceil(bytes / 1024)} kB; the editor takes at most ${XML_EDIT_MAX_BYTES / 1024} kB.` }];
  }
  const tree = readPolicyTree(xml);
  const out: XmlPolicyIssue[] = tree.oddities.map((o) =>
    o.kind === "doctype"
      ? { path: "/", message: "A DOCTYPE (and any entity it declares) is refused: libvirt's network XML has none, and entities can hide or multiply content." }
      : { path: o.path, message: `A processing instruction <?${o.detail}?> inside ${o.path === "/" ? "the document" : `<${o.path.split("/").pop()}>`} is refused.` },
  );
  if (!tree.ok) return out.length > 0 ? out : [{ path: "/", message: `This is not valid network XML: ${tree.error}` }];
  if (tree.root.path !== "/network") return [...out, { path: tree.root.path, message: "The document's root element must be <network>." }];
  judge(tree.root, ctx, out);
  return out;
}

/** The <name> and <uuid> text as this parser decodes them, to check that the model's parser read the same. */
export function policyIdentity(xml: string): { name?: string; uuid?: string } {
  const tree = readPolicyTree(xml);
  if (!tree.ok) return {};
  const text = (n: string) => tree.root.children.find((c) => c.name === n && c.uri === "")?.text;
  return { name: text("name"), uuid: text("uuid") };
}
