// Open vSwitch and SR-IOV facts from the host read. The snapshot script runs
// one `ovs-vsctl --format=json` with three `list` commands (Bridge, Port,
// Interface) when the host has an OVS database socket, and lists the NICs whose
// driver reports virtual functions (/sys/class/net/*/device/sriov_totalvfs).
// ovs-vsctl's JSON encodes OVSDB values: ["uuid", U], ["set", [...]], atoms.

/** One port of an OVS bridge: an access port (tag), a trunk, or a bond of several interfaces. */
export type OvsPort = {
  name: string;
  tag?: number;
  trunks: number[];
  vlanMode?: string;
  /** The port's interfaces: one for a plain port, two or more for a bond. */
  interfaces: { name: string; type: string }[];
  bondMode?: string;
};
/** datapathType: "netdev" is the userspace datapath (hosts without the OVS kernel module); "" or "system" the kernel's. */
export type OvsBridge = { name: string; ports: OvsPort[]; datapathType?: string };
export type OvsState = { bridges: OvsBridge[] };
/** A NIC whose device offers SR-IOV virtual functions. */
export type SriovNic = { ifname: string; totalVfs: number };

type Table = { headings: string[]; data: unknown[][] };

function isTable(v: unknown): v is Table {
  return !!v && typeof v === "object" && Array.isArray((v as Table).headings) && Array.isArray((v as Table).data);
}

/** An OVSDB set (["set", [...]]) or a single atom, as a list of atoms. */
function atoms(v: unknown): unknown[] {
  if (Array.isArray(v) && v[0] === "set" && Array.isArray(v[1])) return v[1];
  return v === undefined ? [] : [v];
}
const uuidOf = (v: unknown): string | undefined => (Array.isArray(v) && v[0] === "uuid" && typeof v[1] === "string" ? v[1] : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const int = (v: unknown): number | undefined => (typeof v === "number" && Number.isInteger(v) ? v : undefined);

function rows(table: Table): Record<string, unknown>[] {
  return table.data.map((row) => Object.fromEntries(table.headings.map((h, i) => [h, row[i]])));
}

/**
 * The three JSON documents ovs-vsctl printed (one per line), or null with the
 * reason when the output is not that (ovs-vsctl's own error, say).
 */
export function parseOvsJson(body: string): { ok: true; state: OvsState } | { ok: false; error: string } {
  const lines = body.split("\n").map((l) => l.trim()).filter(Boolean);
  const tables: Table[] = [];
  for (const line of lines) {
    if (!line.startsWith("{")) continue;
    try {
      const v: unknown = JSON.parse(line);
      if (isTable(v)) tables.push(v);
    } catch {
      /* not one of ours: reported below */
    }
  }
  if (tables.length !== 3) return { ok: false, error: lines.find((l) => !l.startsWith("{")) ?? "no output" };
  const [bridgeRows, portRows, ifaceRows] = tables.map(rows) as [Record<string, unknown>[], Record<string, unknown>[], Record<string, unknown>[]];
  const ifaces = new Map(ifaceRows.map((r) => [uuidOf(r._uuid), { name: str(r.name) ?? "", type: str(r.type) ?? "" }]));
  const ports = new Map(
    portRows.map((r) => {
      const interfaces = atoms(r.interfaces).map((u) => ifaces.get(uuidOf(u))).filter((i): i is { name: string; type: string } => !!i);
      const tag = int(atoms(r.tag)[0]);
      const vlanMode = str(atoms(r.vlan_mode)[0]);
      const bondMode = str(atoms(r.bond_mode)[0]);
      const port: OvsPort = {
        name: str(r.name) ?? "",
        ...(tag !== undefined ? { tag } : {}),
        trunks: atoms(r.trunks).map(int).filter((n): n is number => n !== undefined).sort((a, b) => a - b),
        ...(vlanMode ? { vlanMode } : {}),
        interfaces,
        ...(bondMode ? { bondMode } : {}),
      };
      return [uuidOf(r._uuid), port] as const;
    }),
  );
  const bridges = bridgeRows
    .map((r) => ({
      name: str(r.name) ?? "",
      ...(str(r.datapath_type) ? { datapathType: str(r.datapath_type) } : {}),
      ports: atoms(r.ports).map((u) => ports.get(uuidOf(u))).filter((p): p is OvsPort => !!p).sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { ok: true, state: { bridges } };
}

/** "eth3 8" lines: NICs whose device reports SR-IOV virtual functions (0 means it could but has none enabled). */
export function parseSriov(body: string): SriovNic[] {
  return body
    .split("\n")
    .map((l) => /^([A-Za-z0-9_.-]{1,15}) (\d{1,6})$/.exec(l.trim()))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ ifname: m[1]!, totalVfs: Number(m[2]) }));
}

/** A bond is a port with two or more interfaces (ovs-vsctl add-bond). */
export const isBond = (p: OvsPort) => p.interfaces.length > 1;

/** OVS bridge names, for the rules that ask "is this an Open vSwitch bridge?". */
export const ovsBridgeNames = (ovs: OvsState | undefined): string[] => (ovs?.bridges ?? []).map((b) => b.name);

/** What the Interfaces page shows and offers for Open vSwitch: its bridges, and the NICs free to become ports. */
export type OvsPageView = { present: boolean; bridges: OvsBridge[]; freeNics: string[]; allNics: string[] };

// Links that are not NICs: loopback, bridges, taps and OVS internal ports, guests' macvtaps.
const NOT_A_NIC = new Set(["bridge", "tun", "tap", "macvtap", "macvlan", "openvswitch", "bond", "vlan"]);

export function ovsPageView(snapshot: { ovs?: OvsState; links: { ifname: string; kind?: string; master?: string }[] }): OvsPageView {
  const bridges = snapshot.ovs?.bridges ?? [];
  const inOvs = new Set(bridges.flatMap((b) => [b.name, ...b.ports.flatMap((p) => [p.name, ...p.interfaces.map((i) => i.name)])]));
  const nics = snapshot.links.filter((l) => l.ifname !== "lo" && l.ifname !== "ovs-netdev" && !(l.kind && NOT_A_NIC.has(l.kind)));
  return {
    present: !!snapshot.ovs,
    bridges,
    freeNics: nics.filter((l) => !l.master && !inOvs.has(l.ifname)).map((l) => l.ifname).sort(),
    allNics: nics.map((l) => l.ifname).sort(),
  };
}
