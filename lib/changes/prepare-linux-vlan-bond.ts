import "server-only";
import { fail, type ActionResult } from "@/lib/actions/result";
import { findLink, isValidInterfaceName, newNameProblem } from "@/lib/domain/interfaces/names";
import { describeUse, usesOf } from "@/lib/domain/interfaces/usage";
import type { Plan, PlanStep } from "@/lib/domain/plan";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { withHost } from "@/lib/libvirt/host-read";
import { RUNTIME_ONLY_NOTE } from "@/lib/libvirt/interfaces/host-plans";
import { missingDriverMessage, readKernelSupport } from "@/lib/libvirt/kernel-support";
import { storePlan } from "./plan-store";
import type { PrepareRequest } from "./request";

// Linux VLAN sub-interfaces and bonds (`ip link add … type vlan|bond`), where
// the host's kernel has the driver. Where it does not, the refusal names the
// missing driver before any plan is offered (this lab's kernel has neither:
// Open vSwitch ports and bonds do the same job there).

export type LinuxLinkChange = { change: "linux-vlan"; parent: string; id: number } | { change: "linux-bond"; name: string; nics: [string, string] };

function named(name: string): string {
  if (!isValidInterfaceName(name)) throw new TypeError(`not a valid interface name: ${JSON.stringify(name)}`);
  return name;
}
const del = (name: string) => ["ip", "link", "del", "dev", named(name)];
const up = (name: string) => ["ip", "link", "set", "dev", named(name), "up"];

/** "eth2.10": the name Linux tools give a VLAN sub-interface. */
export const vlanName = (parent: string, id: number) => `${parent}.${id}`;

function steps(c: LinuxLinkChange): PlanStep[] {
  if (c.change === "linux-vlan") {
    const name = vlanName(c.parent, c.id);
    return [
      { title: `Create VLAN ${c.id} on ${c.parent} as ${name}`, argv: ["ip", "link", "add", "link", named(c.parent), "name", named(name), "type", "vlan", "id", String(c.id)], undo: { title: `Delete ${name} again`, argv: del(name) } },
      { title: `Bring ${name} up`, argv: up(name) },
    ];
  }
  const enslave = (nic: string): PlanStep[] => [
    { title: `Take ${nic} down (a bond takes only ports that are down)`, argv: ["ip", "link", "set", "dev", named(nic), "down"] },
    { title: `Add ${nic} to ${c.name}`, argv: ["ip", "link", "set", "dev", named(nic), "master", named(c.name)], undo: { title: `Release ${nic}`, argv: ["ip", "link", "set", "dev", named(nic), "nomaster"] } },
  ];
  return [
    { title: `Create bond ${c.name}`, argv: ["ip", "link", "add", "name", named(c.name), "type", "bond"], undo: { title: `Delete ${c.name} again`, argv: del(c.name) } },
    ...enslave(c.nics[0]),
    ...enslave(c.nics[1]),
    { title: `Bring ${c.name} up`, argv: up(c.name) },
  ];
}

export async function prepareLinuxVlanBond({ operator, host: hostName, input: c }: PrepareRequest<LinuxLinkChange>): Promise<ActionResult<Plan>> {
  const read = await withHost(hostName, async (host, target) => {
    const [snapshot, kernel] = await Promise.all([readHostSnapshot(target), readKernelSupport(target)]);
    return { host, address: target.address, snapshot, kernel };
  });
  if (!read.ok) return read;
  const { host, address, snapshot, kernel } = read.data;
  const kind = c.change === "linux-vlan" ? "vlan" : "bond";
  if (kernel.drivers[kind] === "missing") return fail("refused", missingDriverMessage(kind, kernel.release));
  const name = c.change === "linux-vlan" ? vlanName(c.parent, c.id) : c.name;
  const taken = newNameProblem(snapshot.links, name);
  if (taken) return fail("invalid", taken, { [c.change === "linux-vlan" ? "id" : "name"]: taken });
  const lowers = c.change === "linux-vlan" ? [c.parent] : c.nics;
  for (const [i, nic] of lowers.entries()) {
    const field = c.change === "linux-vlan" ? "parent" : `nics.${i}`;
    const link = findLink(snapshot.links, nic);
    if (!link) return fail("invalid", `There is no interface ${nic} on this host.`, { [field]: `There is no interface ${nic} on this host.` });
    const busy = c.change === "linux-bond" && (link.master ? `${nic} is a port of ${link.master}.` : usesOf(snapshot, address, nic).map(describeUse)[0]);
    if (busy) return fail("invalid", `${nic} is in use: ${busy}`, { [field]: `${nic} is in use: ${busy}` });
  }
  if (c.change === "linux-bond" && c.nics[0] === c.nics[1]) return fail("invalid", "Choose two different NICs.", { "nics.1": "Choose two different NICs." });
  return storePlan(
    {
      action: `interface.${c.change}`,
      host,
      target: name,
      summary: `${c.change === "linux-vlan" ? `Create VLAN interface ${name}` : `Create bond ${name} of ${c.nics.join(" + ")}`} on ${host.name}`,
      steps: steps(c),
      notes: [RUNTIME_ONLY_NOTE],
    },
    operator.id,
  );
}
