// VLANs for probe guests on Open vSwitch: a portgroup of a libvirt network turned into the
// port columns libvirt itself would set (virNetDevOpenvswitchConstructVlans), and the
// static addresses probes take on segments without DHCP.
import { XMLParser } from "fast-xml-parser";
import { labVirsh } from "./exec";

export interface OvsVlan {
  /** Access VLAN, or the native VLAN of a trunk. */
  tag?: number;
  trunks?: number[];
  mode?: "native-tagged" | "native-untagged";
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  // Elements that may repeat are always arrays, so one and many read the same.
  isArray: (name) => ["portgroup", "tag"].includes(name),
});

type Attrs = Record<string, string | undefined>;
type VlanNode = { "@trunk"?: string; tag?: Attrs[] };
interface PortgroupNode {
  "@name"?: string;
  vlan?: VlanNode;
}
interface NetworkNode {
  name?: string;
  bridge?: Attrs;
  portgroup?: PortgroupNode[];
}

function vlanId(raw: string | undefined, where: string): number {
  const id = Number(raw);
  if (!/^\d+$/.test(raw ?? "") || id < 0 || id > 4095) throw new Error(`lab probe: bad VLAN id ${JSON.stringify(raw)} in ${where}`);
  return id;
}

/** What `<vlan>` of a portgroup means for an OVS port, as libvirt sets it. */
export function vlanOfPortgroupXml(networkXml: string, portgroup: string): OvsVlan | null | undefined {
  const net = (parser.parse(networkXml) as { network?: NetworkNode }).network;
  const group = net?.portgroup?.find((g) => g["@name"] === portgroup);
  if (!group) return undefined;
  const where = `portgroup ${portgroup} of network ${net?.name ?? "?"}`;
  const tags = group.vlan?.tag ?? [];
  if (tags.length === 0) return null;
  const ids = tags.map((t) => vlanId(t["@id"], where));
  const native = tags.find((t) => t["@nativeMode"] !== undefined);
  const trunk = group.vlan?.["@trunk"] === "yes" || tags.length > 1;
  const vlan: OvsVlan = {};
  if (native) {
    vlan.mode = native["@nativeMode"] === "tagged" ? "native-tagged" : "native-untagged";
    vlan.tag = vlanId(native["@id"], where);
  }
  if (trunk) vlan.trunks = ids;
  else if (!native) vlan.tag = ids[0]!;
  return vlan;
}

/** The VLAN of PORTGROUP on the (one) libvirt network of HOST that uses BRIDGE. */
export async function portgroupVlan(host: string, bridge: string, portgroup: string): Promise<OvsVlan> {
  const names = await labVirsh(host, ["net-list", "--all", "--name"]);
  if (names.code !== 0) throw new Error(`lab probe: virsh net-list on ${host} failed: ${names.stderr.trim()}`);
  for (const name of names.stdout.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const xml = await labVirsh(host, ["net-dumpxml", "--", name]);
    if (xml.code !== 0) continue; // undefined meanwhile
    const net = (parser.parse(xml.stdout) as { network?: NetworkNode }).network;
    if (net?.bridge?.["@name"] !== bridge) continue;
    const vlan = vlanOfPortgroupXml(xml.stdout, portgroup);
    if (vlan === undefined) continue;
    if (vlan === null) throw new Error(`lab probe: portgroup ${portgroup} of ${name} on ${host} has no <vlan>`);
    return vlan;
  }
  throw new Error(`lab probe: no network on ${host} with bridge ${bridge} has a portgroup ${JSON.stringify(portgroup)}`);
}

/** "198.18.0.170/25" → its parts; anything else is refused with the reason. */
export function parseCidr(cidr: string): { ip: string; prefix: number } {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!m || m.slice(1, 5).some((o) => Number(o) > 255) || Number(m[5]) > 32) {
    throw new Error(`lab probe: --static needs an IPv4 address with a prefix (e.g. 198.18.0.170/25), not ${JSON.stringify(cidr)}`);
  }
  return { ip: m.slice(1, 5).join("."), prefix: Number(m[5]) };
}
