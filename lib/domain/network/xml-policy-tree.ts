// The XML editor's document as an XML parser sees it, for the policy to judge.
// saxes is a conformant, namespace-aware parser: character references are
// decoded and every element and attribute carries the namespace URI it
// resolves to, exactly as libxml2 (libvirt's parser) resolves them. A text
// check cannot do this: `xmlns='&#104;ttp://…'` names the same namespace as
// the URL written out, and an unprefixed element can live in any namespace.
// DOCTYPE declarations (and so entity declarations) and processing
// instructions are recorded, never expanded or executed.
import { SaxesParser, type SaxesTagNS } from "saxes";

export type PolicyAttr = { name: string; local: string; uri: string; value: string };
export type PolicyElement = {
  /** As written (with its prefix, if any). */
  name: string;
  local: string;
  /** The resolved namespace URI; "" for none. */
  uri: string;
  /** Qualified names from the root, e.g. /network/ip/dhcp. */
  path: string;
  attrs: PolicyAttr[];
  children: PolicyElement[];
  text: string;
};
export type Oddity = { kind: "doctype" | "pi"; path: string; detail: string };
export type PolicyTree = { ok: true; root: PolicyElement; oddities: Oddity[] } | { ok: false; oddities: Oddity[]; error: string };

function element(tag: SaxesTagNS, parent: PolicyElement | undefined): PolicyElement {
  return {
    name: tag.name,
    local: tag.local,
    uri: tag.uri,
    path: `${parent?.path ?? ""}/${tag.name}`,
    attrs: Object.values(tag.attributes).map((a) => ({ name: a.name, local: a.local, uri: a.uri, value: a.value })),
    children: [],
    text: "",
  };
}

export function readPolicyTree(xml: string): PolicyTree {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: PolicyElement[] = [];
  const oddities: Oddity[] = [];
  let root: PolicyElement | undefined;
  let error: string | undefined;
  const where = () => stack[stack.length - 1]?.path ?? "/";
  parser.on("error", (e) => {
    error ??= e.message;
  });
  parser.on("doctype", (d) => oddities.push({ kind: "doctype", path: where(), detail: d.trim().slice(0, 80) }));
  parser.on("processinginstruction", (pi) => oddities.push({ kind: "pi", path: where(), detail: pi.target }));
  parser.on("opentag", (tag) => {
    const el = element(tag as SaxesTagNS, stack[stack.length - 1]);
    if (stack.length === 0) root ??= el;
    else stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => void stack.pop());
  parser.on("text", (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on("cdata", (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    // saxes throws from write/close only when no error handler swallows; keep the first message either way.
    error ??= e instanceof Error ? e.message : String(e);
  }
  if (error !== undefined || !root) return { ok: false, oddities, error: error ?? "the document has no root element" };
  return { ok: true, root, oddities };
}
