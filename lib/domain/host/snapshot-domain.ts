// A guest's network interfaces from its `virsh dumpxml`. Live XML (running
// guests) adds what only exists while it runs: the tap device and, for
// type=network, the bridge libvirt plugged it into.
import { XMLParser } from "fast-xml-parser";
import type { VmInterface } from "./snapshot";

type Node = Record<string, unknown>;

// Every element is an array and text is never trimmed or typed, so a name such
// as "007" or " web " stays exactly what libvirt stored.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  alwaysCreateTextNode: true,
  isArray: (_name: string, _jpath: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: {},
} as ConstructorParameters<typeof XMLParser>[0]);

const first = (node: Node | undefined, name: string): Node | undefined => (node?.[name] as Node[] | undefined)?.[0];
const all = (node: Node | undefined, name: string): Node[] => (node?.[name] as Node[] | undefined) ?? [];
const attr = (node: Node | undefined, name: string): string | undefined => {
  const value = node?.[`@_${name}`];
  return typeof value === "string" ? value : undefined;
};
const text = (node: Node | undefined): string | undefined => {
  const value = node?.["#text"];
  return typeof value === "string" ? value : undefined;
};

export type ParsedDomain = { name: string; uuid: string; interfaces: Omit<VmInterface, "ips">[] };

/** `<vlan trunk><tag id/></vlan>` as "10" or "trunk 10,20". */
function vlanText(vlan: Node | undefined): string | undefined {
  const ids = all(vlan, "tag").map((t) => attr(t, "id")).filter((id): id is string => id !== undefined);
  if (ids.length === 0) return undefined;
  return attr(vlan, "trunk") === "yes" || ids.length > 1 ? `trunk ${ids.join(",")}` : ids[0];
}

function readInterface(el: Node): Omit<VmInterface, "ips"> {
  const source = first(el, "source");
  const nic: Omit<VmInterface, "ips"> = {
    type: attr(el, "type") ?? "unknown",
    linkState: attr(first(el, "link"), "state") === "down" ? "down" : "up",
  };
  const fields: Partial<VmInterface> = {
    network: attr(source, "network"),
    bridge: attr(source, "bridge"),
    sourceDev: attr(source, "dev"),
    sourceMode: attr(source, "mode"),
    mac: attr(first(el, "mac"), "address")?.toLowerCase(),
    model: attr(first(el, "model"), "type"),
    target: attr(first(el, "target"), "dev"),
    portgroup: attr(source, "portgroup"),
    vlan: vlanText(first(el, "vlan")),
  };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) Object.assign(nic, { [key]: value });
  return nic;
}

/** Name, UUID and interfaces of a `<domain>` document; null when it is not one. */
export function parseDomainXml(xml: string): ParsedDomain | null {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch {
    return null;
  }
  const root = first(doc, "domain");
  const name = text(first(root, "name"));
  const uuid = text(first(root, "uuid"))?.trim().toLowerCase();
  if (!root || name === undefined || !uuid) return null;
  const interfaces = all(first(root, "devices"), "interface").map(readInterface);
  return { name, uuid, interfaces };
}
