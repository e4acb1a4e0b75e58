import "server-only";
import { fail, type ActionResult } from "@/lib/actions/result";
import type { OvsBridge } from "@/lib/domain/host/snapshot-ovs";
import { findLink } from "@/lib/domain/interfaces/names";
import { bridgeOf } from "@/lib/domain/network";
import type { Plan } from "@/lib/domain/plan";
import { commandInputs, type GuardedCommand } from "@/lib/libvirt/deadman-argv";
import { addUplinkPortCommands, delUplinkBridgeCommands, delUplinkPortCommands } from "@/lib/libvirt/ovs-uplink-plans";
import { guardedDraft, projectNetState } from "./guarded-draft";
import { storePlan } from "./plan-store";
import { readUplinkFacts } from "./prepare-remove-address";
import type { PrepareRequest } from "./request";

// Open vSwitch changes on the interfaces Switchyard reaches the host through:
// the uplink NIC as a port of an OVS bridge, that port removed, or the OVS
// bridge it belongs to deleted. The ordinary OVS forms refuse them; this is
// the confirmed path, under the dead-man switch (its "argv" runner: ovs-vsctl
// lines with their undo). A change that does not touch the uplink is sent
// back to the ordinary forms.

export type OvsUplinkInput = { guarded: boolean; seconds: number } & (
  | { change: "ovs-add-port"; bridge: string; port: string; tags: number[]; trunk: boolean }
  | { change: "ovs-del-port"; bridge: string; port: string }
  | { change: "ovs-del-br"; bridge: string }
);

const interfacesOf = (b: OvsBridge) => [b.name, ...b.ports.flatMap((p) => p.interfaces.map((i) => i.name))];

export async function prepareOvsUplink({ operator, host: hostName, input }: PrepareRequest<OvsUplinkInput>): Promise<ActionResult<Plan>> {
  const read = await readUplinkFacts(hostName);
  if (!read.ok) return read;
  const { host, target, snapshot, all, carriers } = read.data;
  if (!snapshot.ovs) return fail("refused", "Open vSwitch is not running on this host, or this SSH user cannot read its database.");
  const bridge = snapshot.ovs.bridges.find((b) => b.name === input.bridge);
  if (!bridge) return fail("invalid", `There is no Open vSwitch bridge ${input.bridge} on this host (any more).`, { bridge: `No OVS bridge ${input.bridge} (any more).` });

  let commands: GuardedCommand[];
  let touched: string[];
  let what: string;
  switch (input.change) {
    case "ovs-add-port": {
      const link = findLink(snapshot.links, input.port);
      if (!link) return fail("invalid", `There is no interface ${input.port} on this host (any more).`, { port: `No interface ${input.port}.` });
      if (link.master) return fail("invalid", `${input.port} is a port of bridge ${link.master}; remove it from there first.`, { port: `A port of ${link.master}.` });
      const owner = snapshot.ovs.bridges.find((b) => b.ports.some((p) => p.interfaces.some((i) => i.name === input.port)));
      if (owner) return fail("invalid", `${input.port} is already a port of Open vSwitch bridge ${owner.name}.`, { port: `Already on ${owner.name}.` });
      commands = addUplinkPortCommands(bridge.name, input.port, input.tags, input.trunk);
      touched = [input.port, bridge.name];
      what = `${input.port} → ${bridge.name}`;
      break;
    }
    case "ovs-del-port": {
      const port = bridge.ports.find((p) => p.name === input.port);
      if (!port || port.name === bridge.name) return fail("invalid", `${input.port} is not a removable port of ${bridge.name}.`, { port: `Not a port of ${bridge.name}.` });
      commands = delUplinkPortCommands(bridge.name, port);
      touched = [...port.interfaces.map((i) => i.name), bridge.name];
      what = `${input.port} from ${bridge.name}`;
      break;
    }
    case "ovs-del-br": {
      const users = snapshot.networks.filter((n) => n.spec && bridgeOf(n.spec) === bridge.name).map((n) => n.name);
      if (users.length) return fail("refused", `Network ${users.join(", ")} uses ${bridge.name}; delete or change it first.`);
      try {
        commands = delUplinkBridgeCommands(bridge, projectNetState(all, [bridge.name]));
      } catch (error) {
        return fail("refused", `${bridge.name} cannot be rebuilt by the undo: ${(error as Error).message}.`);
      }
      touched = interfacesOf(bridge);
      what = bridge.name;
      break;
    }
  }
  const onPath = touched.filter((d) => carriers.has(d));
  if (onPath.length === 0) return fail("refused", `${what} does not touch Switchyard's connection to this host; use the ordinary Open vSwitch forms.`);
  const why = `${onPath.join(", ")} carr${onPath.length === 1 ? "ies" : "y"} Switchyard's SSH session`;
  if (!input.guarded) {
    const problem = `${why}; this change could cut the host off. Tick "Under the dead-man switch" to make it guarded: the host undoes it by itself unless Switchyard proves it still reachable.`;
    return fail("invalid", problem, { guarded: problem });
  }
  const devices = touched.filter((d) => findLink(snapshot.links, d));
  const before = projectNetState(all, devices);
  const { doInput, undoInput } = commandInputs(commands);
  return storePlan(
    guardedDraft({
      kind: "ovs", runner: "argv", seconds: input.seconds, nic: onPath[0]!, bridge: bridge.name, doInput, undoInput, before,
      // Open vSwitch moves no addresses: the devices keep theirs (a deleted bridge's internal interface loses them).
      after: input.change === "ovs-del-br" ? { ...before, addresses: { ...before.addresses, [bridge.name]: [] }, routes: before.routes.filter((r) => r.dev !== bridge.name) } : before,
      target, host, action: `interface.${input.change}.guarded`, what, summary: `${input.change === "ovs-add-port" ? "Add" : input.change === "ovs-del-port" ? "Remove" : "Delete Open vSwitch bridge"} ${what} on ${host.name}, under the dead-man switch`,
      why, notes: ["Open vSwitch keeps this in its database: once disarmed, it survives a reboot."],
      persistence: "Open vSwitch keeps the change in its database: it survives a reboot once the switch is disarmed.",
    }),
    operator.id,
  );
}
