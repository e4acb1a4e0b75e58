// A change guarded by a dead-man switch on the host (issue 21): the shapes the
// server and the browser share. Pure data.

/** One address on a NIC or bridge, as `ip -j addr` reports it (lifetimes left out: they tick). */
export type NicAddress = {
  family: "inet" | "inet6";
  local: string;
  prefixlen: number;
  broadcast?: string;
  scope?: string;
  /** From DHCP/SLAAC: it expires unless its client renews it. */
  dynamic?: boolean;
  noprefixroute?: boolean;
};

/** One main-table route through a device, as `ip -j route` reports it. */
export type NicRoute = {
  family: "inet" | "inet6";
  dst: string;
  gateway?: string;
  dev: string;
  protocol?: string;
  scope?: string;
  metric?: number;
  prefsrc?: string;
  type?: string;
  onlink?: boolean;
};

/** The addresses and routes of the devices a guarded change touches, compared as data. */
export type NetState = { addresses: Record<string, NicAddress[]>; routes: NicRoute[]; masters: Record<string, string | null> };

/** What the host's network configuration is managed by, and how to make the change survive a reboot. */
export type PersistenceView =
  | { manager: "none"; text: string }
  | { manager: "networkmanager" | "ifupdown" | "systemd-networkd"; text: string; files: { path: string; content: string }[]; commands: string[][] };

export type GuardedChange = {
  kind: "bridge-nic" | "unbridge" | "remove-address" | "remove-route" | "ovs";
  /** How the switch runs the inputs: `ip -batch` lines (absent: the default), or one quoted command per line ("argv": ovs-vsctl and ip). */
  runner?: "ip" | "argv";
  /** Names the switch's directory on the host (…/switchyard-deadman/<id>). */
  switchId: string;
  /** The switch runs the undo input unless disarmed within this many seconds. */
  seconds: number;
  nic: string;
  bridge: string;
  /** Exactly what the switch feeds to `ip -batch`, line by line. */
  doInput: string;
  /** Exactly what it feeds to `ip -force -batch` when it fires; its last k lines undo the first k of doInput. */
  undoInput: string;
  /** Read from the host when the plan was made; what a revert must give back. */
  before: NetState;
  /** What the change should leave. */
  after: NetState;
  /** Where Switchyard reaches the host, for the proof ("198.18.0.130:22"). */
  reachedAt: string;
  hostKey: string;
  persistence: PersistenceView;
};

/** What a guarded apply reports at its end, beside the usual result. */
export type GuardOutcome = {
  outcome: "disarmed" | "reverted" | "undone-at-once" | "unknown";
  /** One line for the operator: "Reachable through a new SSH connection…", "Reverted after 31 s: …". */
  text: string;
  timings: { label: string; seconds: number }[];
};
