import "server-only";
import { fail, type ActionResult } from "@/lib/actions/result";
import type { HostSnapshot } from "@/lib/domain/host/snapshot";
import { findLink, newNameProblem } from "@/lib/domain/interfaces/names";
import { describeUse, usesOf } from "@/lib/domain/interfaces/usage";
import { bridgeOf } from "@/lib/domain/network";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { withHost } from "@/lib/libvirt/host-read";
import { ovsChangePlan, type OvsChange } from "@/lib/libvirt/ovs-plans";
import { storePlan } from "./plan-store";
import type { PrepareRequest } from "./request";
import type { Plan } from "@/lib/domain/plan";

// Open vSwitch changes from the Interfaces page: read the host once (OVS comes
// in the same read), check names, ports and uses, and store the plan.
// Refusals name the field they are about.

type Refusal = { problem: string; field?: string };

function ovsBridge(snapshot: HostSnapshot, name: string) {
  return snapshot.ovs?.bridges.find((b) => b.name === name);
}

/** A NIC that may become an OVS port: exists, is in no bridge (Linux or OVS), and carries nothing the host needs. */
function freeNicProblem(snapshot: HostSnapshot, sshAddress: string, nic: string): string | null {
  const link = findLink(snapshot.links, nic);
  if (!link) return `There is no interface ${nic} on this host (any more); refresh the page.`;
  if (link.master) return `${nic} is a port of bridge ${link.master}; remove it from there first.`;
  const owner = snapshot.ovs?.bridges.find((b) => b.ports.some((p) => p.interfaces.some((i) => i.name === nic)));
  if (owner) return `${nic} is already a port of Open vSwitch bridge ${owner.name}.`;
  const uses = usesOf(snapshot, sshAddress, nic);
  const blocking = uses.find((u) => u.kind === "ssh" || u.kind === "vm" || (u.kind === "network" && u.active));
  if (blocking) return `${nic} is in use: ${describeUse(blocking)}.`;
  return null;
}

/** Deleting an OVS bridge or port that carries the console's SSH session: refused here, offered under the dead-man switch (prepare-ovs-uplink.ts). */
function ovsSshProblem(snapshot: HostSnapshot, sshAddress: string, devices: string[]): string | null {
  const carried = devices.filter((d) => usesOf(snapshot, sshAddress, d).some((u) => u.kind === "ssh"));
  return carried.length ? `${carried.join(", ")} carries the console's SSH session; changing it could cut this host off. Use "Under the dead-man switch" to make it guarded.` : null;
}

function check(snapshot: HostSnapshot, sshAddress: string, c: OvsChange): Refusal | { notes: string[] } {
  if (!snapshot.ovs) return { problem: "Open vSwitch is not running on this host (no database socket at /run/openvswitch/db.sock), or this SSH user cannot read it." };
  const bridge = ovsBridge(snapshot, c.bridge);
  if (c.change === "ovs-add-br") {
    const problem = bridge ? `An Open vSwitch bridge named ${c.bridge} already exists.` : newNameProblem(snapshot.links, c.bridge);
    return problem ? { problem, field: "bridge" } : { notes: [] };
  }
  if (!bridge) return { problem: `There is no Open vSwitch bridge ${c.bridge} on this host (any more); refresh the page.`, field: "bridge" };
  switch (c.change) {
    case "ovs-del-br": {
      const carried = ovsSshProblem(snapshot, sshAddress, [bridge.name, ...bridge.ports.flatMap((p) => p.interfaces.map((i) => i.name))]);
      if (carried) return { problem: carried };
      const users = snapshot.networks.filter((n) => n.spec && bridgeOf(n.spec) === c.bridge).map((n) => n.name);
      if (users.length) return { problem: `Network ${users.join(", ")} uses ${c.bridge}; delete or change it first.` };
      const ports = bridge.ports.filter((p) => p.name !== c.bridge).map((p) => p.name);
      return { notes: ports.length ? [`Its ports go with it: ${ports.join(", ")}.`] : [] };
    }
    case "ovs-add-port": {
      const problem = freeNicProblem(snapshot, sshAddress, c.port);
      return problem ? { problem, field: "port" } : { notes: [] };
    }
    case "ovs-add-bond": {
      if (c.nics[0] === c.nics[1]) return { problem: "Choose two different NICs for the bond.", field: "nics.1" };
      for (const [i, nic] of c.nics.entries()) {
        const problem = freeNicProblem(snapshot, sshAddress, nic);
        if (problem) return { problem, field: `nics.${i}` };
      }
      const taken = bridge.ports.some((p) => p.name === c.bond) || findLink(snapshot.links, c.bond);
      if (taken) return { problem: `A port or interface named ${c.bond} already exists.`, field: "bond" };
      const shape = newNameProblem([], c.bond);
      return shape ? { problem: shape, field: "bond" } : { notes: [] };
    }
    case "ovs-del-port": {
      if (!bridge.ports.some((p) => p.name === c.port)) return { problem: `${c.port} is not a port of ${c.bridge} (any more); refresh the page.` };
      if (c.port === c.bridge) return { problem: `${c.port} is the bridge's own internal port; delete the bridge instead.` };
      const carried = ovsSshProblem(snapshot, sshAddress, [c.bridge, ...(bridge.ports.find((p) => p.name === c.port)?.interfaces.map((i) => i.name) ?? [])]);
      return carried ? { problem: carried } : { notes: [] };
    }
  }
}

export async function prepareOvsChange({ operator, host: hostName, input: change }: PrepareRequest<OvsChange>): Promise<ActionResult<Plan>> {
  const read = await withHost(hostName, async (host, target) => ({ host, address: target.address, snapshot: await readHostSnapshot(target) }));
  if (!read.ok) return read;
  const { host, address, snapshot } = read.data;
  // A new bridge takes the datapath the host's other OVS bridges use (userspace where the kernel has no OVS module).
  const resolved: OvsChange =
    change.change === "ovs-add-br" && snapshot.ovs?.bridges.some((b) => b.datapathType === "netdev") ? { ...change, datapathType: "netdev" } : change;
  const checked = check(snapshot, address, resolved);
  if ("problem" in checked) return fail(checked.field ? "invalid" : "refused", checked.problem, checked.field ? { [checked.field]: checked.problem } : undefined);
  return storePlan(ovsChangePlan(host, resolved, checked.notes), operator.id);
}
