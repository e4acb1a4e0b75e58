import "server-only";
import type { HostRef } from "@/lib/domain/host/snapshot";
import { isValidInterfaceName } from "@/lib/domain/interfaces/names";
import type { PlanDraft, PlanStep } from "@/lib/domain/plan";

// Open vSwitch changes as plans for the shared change flow: ovs-vsctl argv,
// each with its undo. ovs-vsctl reads `--` as its command separator and
// options anywhere, so every name is checked again right where it becomes an
// argument (no leading '-', Linux interface name rules) and VLAN ids are
// whole numbers written by us. --timeout keeps a wedged ovsdb from hanging
// the apply.

export type OvsChange =
  | { change: "ovs-add-br"; bridge: string; datapathType?: "netdev" }
  | { change: "ovs-del-br"; bridge: string }
  | { change: "ovs-add-port"; bridge: string; port: string; tags: number[]; trunk: boolean }
  | { change: "ovs-add-bond"; bridge: string; bond: string; nics: [string, string] }
  | { change: "ovs-del-port"; bridge: string; port: string };

function named(name: string): string {
  if (!isValidInterfaceName(name)) throw new TypeError(`not a valid interface name: ${JSON.stringify(name)}`);
  return name;
}
function vlan(id: number): string {
  if (!Number.isInteger(id) || id < 1 || id > 4094) throw new TypeError(`not a VLAN id: ${id}`);
  return String(id);
}

const vsctl = (...words: string[]) => ["ovs-vsctl", "--timeout=20", ...words];

export const ovs = {
  addBr: (br: string, datapathType?: "netdev") =>
    datapathType ? vsctl("add-br", named(br), "--", "set", "bridge", named(br), `datapath_type=${datapathType}`) : vsctl("add-br", named(br)),
  delBr: (br: string) => vsctl("--if-exists", "del-br", named(br)),
  addPort: (br: string, port: string, tags: number[], trunk: boolean) => {
    const columns = tags.length === 0 ? [] : trunk ? [`trunks=${tags.map(vlan).join(",")}`] : [`tag=${vlan(tags[0]!)}`];
    return vsctl("add-port", named(br), named(port), ...columns);
  },
  addBond: (br: string, bond: string, a: string, b: string) => vsctl("add-bond", named(br), named(bond), named(a), named(b)),
  delPort: (br: string, port: string) => vsctl("--if-exists", "del-port", named(br), named(port)),
};

function steps(c: OvsChange): PlanStep[] {
  switch (c.change) {
    case "ovs-add-br":
      return [{
        title: `Create Open vSwitch bridge ${c.bridge}${c.datapathType ? " (userspace datapath, as this host's other OVS bridges)" : ""}`,
        argv: ovs.addBr(c.bridge, c.datapathType),
        undo: { title: `Delete ${c.bridge} again`, argv: ovs.delBr(c.bridge) },
      }];
    case "ovs-del-br":
      return [{ title: `Delete Open vSwitch bridge ${c.bridge} and its ports`, argv: ovs.delBr(c.bridge) }];
    case "ovs-add-port": {
      const how = c.tags.length === 0 ? "untagged (all VLANs)" : c.trunk ? `trunk of VLANs ${c.tags.join(",")}` : `access port on VLAN ${c.tags[0]}`;
      return [{ title: `Add ${c.port} to ${c.bridge}, ${how}`, argv: ovs.addPort(c.bridge, c.port, c.tags, c.trunk), undo: { title: `Remove ${c.port} again`, argv: ovs.delPort(c.bridge, c.port) } }];
    }
    case "ovs-add-bond":
      return [{
        title: `Bond ${c.nics[0]} and ${c.nics[1]} as ${c.bond} on ${c.bridge} (ovs-vsctl add-bond; no kernel bonding driver needed)`,
        argv: ovs.addBond(c.bridge, c.bond, c.nics[0], c.nics[1]),
        undo: { title: `Remove bond ${c.bond} again`, argv: ovs.delPort(c.bridge, c.bond) },
      }];
    case "ovs-del-port":
      return [{ title: `Remove ${c.port} from ${c.bridge}`, argv: ovs.delPort(c.bridge, c.port) }];
  }
}

const SUMMARY: { [K in OvsChange["change"]]: (c: Extract<OvsChange, { change: K }>) => string } = {
  "ovs-add-br": (c) => `Create Open vSwitch bridge ${c.bridge}`,
  "ovs-del-br": (c) => `Delete Open vSwitch bridge ${c.bridge}`,
  "ovs-add-port": (c) => `Add port ${c.port} to ${c.bridge}`,
  "ovs-add-bond": (c) => `Add bond ${c.bond} (${c.nics.join(" + ")}) to ${c.bridge}`,
  "ovs-del-port": (c) => `Remove port ${c.port} from ${c.bridge}`,
};

export function ovsChangePlan(host: HostRef, c: OvsChange, notes: string[] = []): PlanDraft {
  const summary = (SUMMARY[c.change] as (c: OvsChange) => string)(c);
  return {
    action: `interface.${c.change}`,
    host,
    target: "port" in c ? `${c.port} → ${c.bridge}` : "bond" in c ? `${c.bond} → ${c.bridge}` : c.bridge,
    summary: `${summary} on ${host.name}`,
    steps: steps(c),
    notes: ["Open vSwitch keeps this in its database: unlike iproute2 changes, it survives a reboot.", ...notes],
  };
}
