// Every network mode Switchyard knows, as one table. The lists, the topology,
// the wizard and the Interfaces page's usage rules all read a mode's facts
// from here, so a new mode is one entry (plus its XML and its wizard body:
// see README.md), and `satisfies` below refuses a table that misses one.
import type { DeviceNetwork, Layer3Network, MacvtapMode, NetworkSpec, Portgroup } from "./spec";
import { MACVTAP_MODES } from "./spec";

export type NetworkMode = NetworkSpec["mode"];
type SpecOf<M extends NetworkMode> = Extract<NetworkSpec, { mode: M }>;

/** Where the topology draws a network's traffic leaving the host. */
export type TopologyRole =
  /** Nothing leaves through a host device the graph draws (isolated, an SR-IOV pool). */
  | "closed"
  /** Its forward device, else the device of the host's default route (NAT, routed, open). */
  | "uplink"
  /** The host devices the network names: a host bridge, a macvtap pool's NICs. */
  | "named";

/** What the wizard's first three steps produced, before the mode is chosen. */
export type WizardCommon = Pick<Layer3Network, "name" | "uuid" | "domain" | "ipv6Internal" | "ipv4" | "ipv6">;

/**
 * What the wizard's last step asks for this mode, and the spec it makes;
 * null when the wizard does not offer the mode. `destination`: the operator
 * may pin a device ("" is any), which libvirt refuses for open.
 */
type WizardForm<M extends NetworkMode> =
  | { connectivity: "isolated" | "forward"; destination: boolean; spec(common: WizardCommon, destination: string): SpecOf<M> }
  | { connectivity: "device"; spec(common: Pick<WizardCommon, "name" | "uuid">, device: WizardDevice): SpecOf<M> }
  | null;

/** What the wizard's device step produced (a device network asks for nothing else). */
export type WizardDevice = { hostBridge: string; ovs: boolean; portgroups: Portgroup[]; macvtapMode: MacvtapMode; interfaces: string[]; pf: string };

/** A host interface the network names, and what for (the Interfaces page's "Used by"). */
export type DeviceUse = { ifname: string; how: string };

type ModeRow<M extends NetworkMode> = {
  /** The one label every page shows for the mode. */
  label: string;
  /** "routed": a network with its own subnet and libvirt's own bridge; "device": guests join host devices. */
  kind: "routed" | "device";
  /** libvirt's `<forward mode>` values this mode is written with; [] is no `<forward>` at all. */
  forward: readonly string[];
  /** libvirt creates and owns the network's bridge (virbrN), so it stands for the network. */
  ownsBridge: boolean;
  wizard: WizardForm<M>;
  topology: TopologyRole;
  /** The lists' and Overview's text: "NAT to eth1", "Bridge br0", … */
  describe(spec: SpecOf<M>): string;
  /** The label on the topology's network node and uplink edges. */
  graphLabel(spec: SpecOf<M>): string;
  /** The bridge guests' taps join (libvirt's own or a host bridge); none for macvtap and SR-IOV. */
  bridge(spec: SpecOf<M>): string | undefined;
  /** Host interfaces the network names, the bridge it owns first. */
  devices(spec: SpecOf<M>): DeviceUse[];
  /** The host devices its traffic leaves by, as configured (an "uplink" network with none follows the default route). */
  uplinks(spec: SpecOf<M>): string[];
};

const portgroupCount = (groups: Portgroup[] | undefined) => (groups?.length ? `, ${groups.length} portgroup${groups.length === 1 ? "" : "s"}` : "");
const ownBridge = (spec: { bridge?: { name?: string } }): DeviceUse[] =>
  spec.bridge?.name ? [{ ifname: spec.bridge.name, how: "the network's own bridge" }] : [];
const forwardDev = (dev: string | undefined): DeviceUse[] => (dev ? [{ ifname: dev, how: "forward device" }] : []);

export const MODES = {
  isolated: {
    label: "Isolated", kind: "routed", forward: [], ownsBridge: true,
    wizard: { connectivity: "isolated", destination: false, spec: (c) => ({ ...c, mode: "isolated" }) }, topology: "closed",
    describe: () => "Isolated", graphLabel: () => "Isolated",
    bridge: (s) => s.bridge?.name, devices: (s) => ownBridge(s),
    uplinks: () => [],
  },
  nat: {
    label: "NAT", kind: "routed", forward: ["nat"], ownsBridge: true,
    wizard: { connectivity: "forward", destination: true, spec: (c, dev) => ({ ...c, mode: "nat", ...(dev ? { dev } : {}) }) }, topology: "uplink",
    describe: (s) => (s.dev ? `NAT to ${s.dev}` : "NAT"), graphLabel: () => "NAT",
    bridge: (s) => s.bridge?.name, devices: (s) => [...ownBridge(s), ...forwardDev(s.dev)],
    uplinks: (s) => (s.dev ? [s.dev] : []),
  },
  route: {
    label: "Routed", kind: "routed", forward: ["route"], ownsBridge: true,
    wizard: { connectivity: "forward", destination: true, spec: (c, dev) => ({ ...c, mode: "route", ...(dev ? { dev } : {}) }) }, topology: "uplink",
    describe: (s) => (s.dev ? `Routed to ${s.dev}` : "Routed"), graphLabel: () => "Routed",
    bridge: (s) => s.bridge?.name, devices: (s) => [...ownBridge(s), ...forwardDev(s.dev)],
    uplinks: (s) => (s.dev ? [s.dev] : []),
  },
  open: {
    label: "Open", kind: "routed", forward: ["open"], ownsBridge: true,
    wizard: { connectivity: "forward", destination: false, spec: (c) => ({ ...c, mode: "open" }) }, topology: "uplink",
    describe: () => "Open", graphLabel: () => "Open",
    bridge: (s) => s.bridge?.name, devices: (s) => ownBridge(s),
    uplinks: () => [],
  },
  bridge: {
    label: "Bridge", kind: "device", forward: ["bridge"], ownsBridge: false,
    wizard: {
      connectivity: "device",
      spec: (c, d) => ({ ...c, mode: "bridge", hostBridge: d.hostBridge, ...(d.ovs ? { virtualport: "openvswitch" as const } : {}), ...(d.portgroups.length ? { portgroups: d.portgroups } : {}) }),
    },
    topology: "named",
    describe: (s) => (s.virtualport ? `Open vSwitch ${s.hostBridge}${portgroupCount(s.portgroups)}` : `Bridge ${s.hostBridge}`), graphLabel: (s) => (s.virtualport ? "Open vSwitch" : "Bridge"),
    bridge: (s) => s.hostBridge, devices: (s) => [{ ifname: s.hostBridge, how: "guests join this bridge" }],
    uplinks: (s) => [s.hostBridge],
  },
  macvtap: {
    label: "Macvtap", kind: "device", forward: MACVTAP_MODES, ownsBridge: false,
    wizard: { connectivity: "device", spec: (c, d) => ({ ...c, mode: "macvtap", macvtapMode: d.macvtapMode, interfaces: d.interfaces }) },
    topology: "named",
    describe: (s) => `Macvtap (${s.macvtapMode}) on ${s.interfaces.join(", ")}`, graphLabel: (s) => `macvtap ${s.macvtapMode}`,
    bridge: () => undefined, devices: (s) => s.interfaces.map((ifname) => ({ ifname, how: "macvtap on this NIC" })),
    uplinks: (s) => s.interfaces,
  },
  hostdev: {
    label: "SR-IOV", kind: "device", forward: ["hostdev"], ownsBridge: false,
    wizard: { connectivity: "device", spec: (c, d) => ({ ...c, mode: "hostdev", pf: d.pf, managed: true }) },
    // Drawn to its physical function: the VFs are that NIC's.
    topology: "named",
    describe: (s) => `SR-IOV pool on ${s.pf}`, graphLabel: () => "SR-IOV",
    bridge: () => undefined, devices: (s) => [{ ifname: s.pf, how: "SR-IOV physical function" }],
    uplinks: (s) => [s.pf],
  },
} as const satisfies { [M in NetworkMode]: ModeRow<M> };

/** The table's row for a spec, typed for that spec (TypeScript cannot correlate `MODES[spec.mode]` with `spec` itself). */
export function modeOf<S extends NetworkSpec>(spec: S): ModeRow<S["mode"]> {
  return MODES[spec.mode] as unknown as ModeRow<S["mode"]>;
}

type ModesWhere<P> = { [M in NetworkMode]: (typeof MODES)[M] extends P ? M : never }[NetworkMode];
export type RoutedMode = ModesWhere<{ kind: "routed" }>;
export type DeviceMode = ModesWhere<{ kind: "device" }>;
/** The device networks the wizard offers beside a virtual network of its own. */
export type WizardDeviceMode = ModesWhere<{ wizard: { connectivity: "device" } }>;
/** The modes the wizard offers under "Forwarding to physical network". */
export type WizardForwardMode = ModesWhere<{ wizard: { connectivity: "forward" } }>;

export const NETWORK_MODES = Object.keys(MODES) as NetworkMode[];
export const ROUTED_MODES = NETWORK_MODES.filter((m): m is RoutedMode => MODES[m].kind === "routed");
export const DEVICE_MODES = NETWORK_MODES.filter((m): m is DeviceMode => MODES[m].kind === "device");
export const WIZARD_DEVICE_MODES = NETWORK_MODES.filter((m): m is WizardDeviceMode => MODES[m].wizard?.connectivity === "device");
export const WIZARD_FORWARD_MODES = NETWORK_MODES.filter((m): m is WizardForwardMode => MODES[m].wizard?.connectivity === "forward") as [WizardForwardMode, ...WizardForwardMode[]];

// The spec's two unions and the table's kinds must agree: a mode in the wrong union fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsAgree: [Same<RoutedMode, Layer3Network["mode"]>, Same<DeviceMode, DeviceNetwork["mode"]>] = [true, true];
void kindsAgree;

export function isLayer3(spec: NetworkSpec): spec is Layer3Network {
  return MODES[spec.mode].kind === "routed";
}

/** The list/Overview text for a network: "NAT to eth1", "Routed", "Bridge br0", … */
export const forwardingLabel = (spec: NetworkSpec): string => modeOf(spec).describe(spec);

/** The bridge a network's guests join: libvirt's own virbrN, or the host bridge of a bridge network. */
export const bridgeOf = (spec: NetworkSpec): string | undefined => modeOf(spec).bridge(spec);

/** Host interfaces a network names, and how it uses each. */
export const devicesOf = (spec: NetworkSpec): DeviceUse[] => modeOf(spec).devices(spec);

/**
 * The mode of a `<forward mode>` read from XML the model could not parse:
 * mode='bridge' without a `<bridge name>` is a macvtap pool. Null for a mode
 * this table does not know.
 */
export function modeOfForward(forward: string | null, hasBridge: boolean): NetworkMode | null {
  if (forward === null) return "isolated";
  if (forward === "bridge") return hasBridge ? "bridge" : "macvtap";
  return NETWORK_MODES.find((m) => (MODES[m].forward as readonly string[]).includes(forward)) ?? null;
}
