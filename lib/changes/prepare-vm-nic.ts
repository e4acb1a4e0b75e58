import "server-only";
import { randomBytes } from "node:crypto";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import type { HostRef, HostSnapshot, SnapshotDomain } from "@/lib/domain/host/snapshot";
import type { AttachSpec } from "@/lib/domain/interfaces/attach-spec";
import { attachProblems } from "@/lib/domain/interfaces/attach-rules";
import { generateMac, macsInUse } from "@/lib/domain/interfaces/mac";
import type { ConfigNic } from "@/lib/domain/interfaces/vm-nic-state";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { withHost } from "@/lib/libvirt/host-read";
import { attachPlan, detachPlan, setLinkPlan } from "@/lib/libvirt/interfaces/vm-nic-plans";
import { readConfigNics } from "@/lib/libvirt/interfaces/vm-read";
import { storePlan } from "./plan-store";
import type { PrepareRequest } from "./request";
import type { Plan } from "@/lib/domain/plan";

// A guest's NIC changes: read the host (and the guest's persistent definition
// where it matters), check, and store the plan for the shared change flow.

type Read = { host: HostRef; address: string; snapshot: HostSnapshot; vm: SnapshotDomain | undefined; config: ConfigNic[] };

async function readVm(hostName: string, uuid: string, withConfig: boolean): Promise<ActionResult<Read & { vm: SnapshotDomain }>> {
  const read = await withHost(hostName, async (host, target): Promise<Read> => {
    const snapshot = await readHostSnapshot(target);
    const vm = snapshot.domains.find((d) => d.uuid === uuid);
    const config = vm && withConfig ? await readConfigNics(target, vm.uuid) : [];
    return { host, address: target.address, snapshot, vm, config };
  });
  if (!read.ok) return read;
  const { vm } = read.data;
  return vm ? ok({ ...read.data, vm }) : fail("vm-not-found", "That VM is no longer on the host; refresh the page.");
}

const threeBytes = (): [number, number, number] => {
  const b = randomBytes(3);
  return [b[0]!, b[1]!, b[2]!];
};

export async function prepareNicAttach({ operator, host: hostName, input: { uuid, spec } }: PrepareRequest<{ uuid: string; spec: AttachSpec }>): Promise<ActionResult<Plan>> {
  const read = await readVm(hostName, uuid, false);
  if (!read.ok) return read;
  const { host, address, snapshot, vm } = read.data;
  const problems = attachProblems(snapshot, address, vm, spec);
  const first = Object.values(problems)[0];
  if (first) return fail("refused", first, problems);
  const mac = spec.mac.kind === "typed" ? spec.mac.address : generateMac(macsInUse(snapshot), threeBytes);
  return storePlan(attachPlan(host, vm, spec.source, spec.model, mac), operator.id);
}

export async function prepareNicRemove({ operator, host: hostName, input: { uuid, mac } }: PrepareRequest<{ uuid: string; mac: string }>): Promise<ActionResult<Plan>> {
  const read = await readVm(hostName, uuid, true);
  if (!read.ok) return read;
  const { host, vm, config } = read.data;
  const live = vm.state === "running" || vm.state === "paused" ? vm.interfaces.find((n) => n.mac === mac) : undefined;
  const inConfig = config.find((n) => n.mac === mac);
  const type = inConfig?.type ?? live?.type;
  if (!type) return fail("nic-not-found", `${vm.name} has no NIC with MAC ${mac} any more; refresh the page.`);
  return storePlan(detachPlan(host, vm, mac, type, inConfig, !!live), operator.id);
}

export async function prepareNicLink({ operator, host: hostName, input: { uuid, mac, state } }: PrepareRequest<{ uuid: string; mac: string; state: "up" | "down" }>): Promise<ActionResult<Plan>> {
  const read = await readVm(hostName, uuid, true);
  if (!read.ok) return read;
  const { host, vm, config } = read.data;
  const live = vm.state === "running" || vm.state === "paused" ? vm.interfaces.find((n) => n.mac === mac) : undefined;
  const inConfig = config.some((n) => n.mac === mac);
  if (!live && !inConfig) return fail("nic-not-found", `${vm.name} has no NIC with MAC ${mac} any more; refresh the page.`);
  return storePlan(setLinkPlan(host, { ...vm, state: live ? vm.state : "shutoff" }, mac, state, inConfig), operator.id);
}
