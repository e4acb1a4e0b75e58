import "server-only";
import { virshArgv } from "@/lib/libvirt/virsh";
import type { PlanCommand, PlanDraft, PlanStep } from "@/lib/domain/plan";
import type { HostRef, SnapshotDomain } from "@/lib/domain/host/snapshot";
import { describeSource, virshTypeAndSource, type DeviceModel, type NicSource } from "@/lib/domain/interfaces/attach-spec";
import type { ConfigNic } from "@/lib/domain/interfaces/vm-nic-state";

// A guest's NIC changes as plans. The guest is addressed by the UUID read in
// the snapshot (a name may be reused between plan and apply); the network,
// bridge or NIC name is a virsh operand after `--`, never an option.

export type VmRef = Pick<SnapshotDomain, "uuid" | "name" | "state">;
const isLive = (vm: VmRef) => vm.state === "running" || vm.state === "paused";

/** The MAC ties every later command (remove, link state) to this one NIC. */
const nicTarget = (vm: VmRef, mac: string) => `${vm.name} ${mac}`;

const xmlAttr = (v: string) => v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/'/g, "&apos;");

/** The `<interface>` for macvtap: attach-interface cannot set its mode (it always writes vepa). */
function directInterfaceXml(dev: string, mode: string, model: string, mac: string): string {
  return [
    "<interface type='direct'>",
    `  <source dev='${xmlAttr(dev)}' mode='${xmlAttr(mode)}'/>`,
    `  <mac address='${xmlAttr(mac)}'/>`,
    `  <model type='${xmlAttr(model)}'/>`,
    "</interface>",
    "",
  ].join("\n");
}

/** The `<interface>` for a network NIC in a portgroup: attach-interface has no option for one. */
function portgroupInterfaceXml(network: string, portgroup: string, model: string, mac: string): string {
  return [
    "<interface type='network'>",
    `  <source network='${xmlAttr(network)}' portgroup='${xmlAttr(portgroup)}'/>`,
    `  <mac address='${xmlAttr(mac)}'/>`,
    `  <model type='${xmlAttr(model)}'/>`,
    "</interface>",
    "",
  ].join("\n");
}

/** attach-interface for a network or bridge; attach-device with the XML on stdin for macvtap and portgroups. */
function attachCommand(vm: VmRef, source: NicSource, model: DeviceModel | string, mac: string, where: string[]): PlanCommand {
  if (source.kind === "direct") {
    return { title: "", argv: virshArgv("attach-device", where, [vm.uuid, "/dev/stdin"]), stdin: directInterfaceXml(source.dev, source.mode, model, mac) };
  }
  if (source.kind === "network" && source.portgroup !== undefined) {
    return { title: "", argv: virshArgv("attach-device", where, [vm.uuid, "/dev/stdin"]), stdin: portgroupInterfaceXml(source.network, source.portgroup, model, mac) };
  }
  const [type, from] = virshTypeAndSource(source);
  return { title: "", argv: virshArgv("attach-interface", ["--model", model, "--mac", mac, ...where], [vm.uuid, type, from]) };
}

export function attachPlan(host: HostRef, vm: VmRef, source: NicSource, model: DeviceModel, mac: string): PlanDraft {
  const live = isLive(vm);
  const where = live ? ["--config", "--live"] : ["--config"];
  const command = attachCommand(vm, source, model, mac, where);
  const how = source.kind === "direct" ? " (attach-device: virsh attach-interface cannot set the macvtap mode)"
    : source.kind === "network" && source.portgroup ? " (attach-device: virsh attach-interface cannot choose a portgroup)" : "";
  const step: PlanStep = {
    ...command,
    title: (live ? "Add the NIC to the definition and hot-plug it into the running VM" : "Add the NIC to the VM's definition") + how,
  };
  return {
    action: "vm-nic.add",
    host,
    target: nicTarget(vm, mac),
    summary: `Add a ${model} NIC on ${describeSource(source)} to ${vm.name} on ${host.name}`,
    steps: [step],
    ...(command.stdin ? { xml: command.stdin } : {}),
    notes: [
      `MAC address ${mac}.`,
      live ? `${vm.name} is running: the NIC is plugged in now (--live) and kept in its definition (--config).` : `${vm.name} is not running: the NIC appears at its next start (--config).`,
    ],
  };
}

/** The NIC's source as its XML says, to re-attach it if a later step fails. */
function sourceOfNic(nic: ConfigNic): NicSource | null {
  if (nic.type === "network" && nic.network) return { kind: "network", network: nic.network };
  if (nic.type === "bridge" && nic.bridge) return { kind: "bridge", bridge: nic.bridge };
  const mode = nic.sourceMode ?? "vepa";
  if (nic.type === "direct" && nic.sourceDev && (["bridge", "vepa", "private", "passthrough"] as string[]).includes(mode)) {
    return { kind: "direct", dev: nic.sourceDev, mode: mode as "bridge" };
  }
  return null;
}

export function detachPlan(host: HostRef, vm: VmRef, mac: string, type: string, inConfig: ConfigNic | undefined, inLive: boolean): PlanDraft {
  const steps: PlanStep[] = [];
  if (inConfig) {
    const source = sourceOfNic(inConfig);
    const restore = source ? { ...attachCommand(vm, source, inConfig.model ?? "virtio", mac, ["--config"]), title: "Put it back in the definition" } : undefined;
    steps.push({ title: "Remove the NIC from the VM's definition (takes effect at once)", argv: virshArgv("detach-interface", ["--mac", mac, "--config"], [vm.uuid, type]), ...(restore ? { undo: restore } : {}) });
  }
  if (inLive && isLive(vm)) {
    steps.push({ title: "Ask the running guest to release it (done only when the guest acknowledges)", argv: virshArgv("detach-interface", ["--mac", mac, "--live"], [vm.uuid, type]) });
  }
  const notes = inLive && isLive(vm)
    ? ["virsh answers as soon as the unplug request is sent. The NIC leaves the running guest only when the guest acknowledges it; a guest without an OS never does. Until libvirt reports it gone, the VM page shows the removal as pending."]
    : [];
  return { action: "vm-nic.remove", host, target: nicTarget(vm, mac), summary: `Remove NIC ${mac} from ${vm.name} on ${host.name}`, steps, notes };
}

export function setLinkPlan(host: HostRef, vm: VmRef, mac: string, state: "up" | "down", inConfig: boolean): PlanDraft {
  const back = state === "up" ? "down" : "up";
  const steps: PlanStep[] = [];
  if (isLive(vm)) {
    steps.push({ title: `Set the link ${state} in the running VM`, argv: virshArgv("domif-setlink", [], [vm.uuid, mac, state]), undo: { title: `Set it ${back} again`, argv: virshArgv("domif-setlink", [], [vm.uuid, mac, back]) } });
  }
  if (inConfig) steps.push({ title: `Keep it ${state} in the VM's definition`, argv: virshArgv("domif-setlink", ["--config"], [vm.uuid, mac, state]) });
  return {
    action: `vm-nic.link-${state}`,
    host,
    target: nicTarget(vm, mac),
    summary: `Set link ${state} on NIC ${mac} of ${vm.name} on ${host.name}`,
    steps,
    notes: [state === "down" ? "The guest sees its cable unplugged; the NIC stays attached." : "The guest sees its cable plugged in again."],
  };
}
