import type { OvsBridge, OvsPort } from "@/lib/domain/host/snapshot-ovs";
import type { NetState } from "@/lib/domain/plan";
import { isValidInterfaceName } from "@/lib/domain/interfaces/names";
import type { GuardedCommand } from "./deadman-argv";
import { ovs } from "./ovs-plans";
import { addressWords, routeWords } from "./uplink-bridge-plan";

// Open vSwitch changes that touch the path Switchyard reaches the host through,
// as commands for the dead-man switch's "argv" runner, each with the command
// that undoes it. The undo rebuilds what was read: a port with its VLAN tag or
// trunk, a bond with its mode, a bridge with its datapath, its ports and the
// addresses and routes its own internal interface carried.

const named = (name: string) => {
  if (!isValidInterfaceName(name)) throw new TypeError(`not a valid interface name: ${JSON.stringify(name)}`);
  return name;
};
const BOND_MODES = new Set(["active-backup", "balance-slb", "balance-tcp"]);

/** The ovs-vsctl that puts a port back as it was read (tag, trunk, bond and its mode). */
export function readdPortArgv(bridge: string, port: OvsPort): string[] {
  if (port.interfaces.length > 1) {
    if (port.interfaces.length !== 2) throw new TypeError(`bond ${port.name} has ${port.interfaces.length} interfaces; only two-NIC bonds are rebuilt`);
    const argv = ovs.addBond(bridge, port.name, port.interfaces[0]!.name, port.interfaces[1]!.name);
    if (port.bondMode && port.bondMode !== "active-backup") {
      if (!BOND_MODES.has(port.bondMode)) throw new TypeError(`unknown bond mode: ${JSON.stringify(port.bondMode)}`);
      argv.push("--", "set", "port", named(port.name), `bond_mode=${port.bondMode}`);
    }
    return argv;
  }
  return port.tag !== undefined ? ovs.addPort(bridge, port.name, [port.tag], false) : ovs.addPort(bridge, port.name, port.trunks, port.trunks.length > 0);
}

export function addUplinkPortCommands(bridge: string, port: string, tags: number[], trunk: boolean): GuardedCommand[] {
  return [{ what: `add ${port} to ${bridge}`, argv: ovs.addPort(bridge, port, tags, trunk), undo: ovs.delPort(bridge, port) }];
}

export function delUplinkPortCommands(bridge: string, port: OvsPort): GuardedCommand[] {
  return [{ what: `remove ${port.name} from ${bridge}`, argv: ovs.delPort(bridge, port.name), undo: readdPortArgv(bridge, port) }];
}

/**
 * Deleting a bridge: one command, whose undo is the whole bridge again. The
 * undo side runs as separate lines (bridge, each port, the internal
 * interface's link, addresses and routes), so those are paired with "#"
 * lines on the change side that do nothing and undo nothing.
 */
export function delUplinkBridgeCommands(bridge: OvsBridge, internal: NetState): GuardedCommand[] {
  const br = named(bridge.name);
  const restore: string[][] = [
    ovs.addBr(br, bridge.datapathType === "netdev" ? "netdev" : undefined),
    ...bridge.ports.filter((p) => p.name !== br).map((p) => readdPortArgv(br, p)),
    ["ip", "link", "set", "dev", br, "up"],
    ...(internal.addresses[br] ?? []).map((a) => ["ip", ...`address add ${addressWords(a, br)}`.split(" ")]),
    ...internal.routes.filter((r) => r.dev === br && r.protocol !== "kernel").map((r) => ["ip", ...`route add ${routeWords(r, br)}`.split(" ")]),
  ];
  // The switch undoes line n+1-i for line i: the deletion goes last, so its undo (the bridge) runs first and the
  // comment lines' undos (ports, link, addresses, routes) after it, in order. Deleting with --if-exists does
  // not fail, so the case "only the comment lines ran" never re-adds to a bridge that is still there.
  const placeholders: GuardedCommand[] = restore.slice(1).reverse().map((undo, i, all) => ({ what: `(undo step ${all.length - i + 1} of ${restore.length} restores ${br})`, argv: null, undo }));
  return [...placeholders, { what: `delete ${br}`, argv: ovs.delBr(br), undo: restore[0]! }];
}
