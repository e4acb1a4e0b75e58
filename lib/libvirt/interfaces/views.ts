import "server-only";
import type { ActionResult } from "@/lib/actions/result";
import { fail, ok } from "@/lib/actions/result";
import type { HostRef } from "@/lib/domain/host/snapshot";
import { attachChoices } from "@/lib/domain/interfaces/attach-choices";
import { interfacesView, type InterfacesView } from "@/lib/domain/interfaces/host-view";
import { vmNicRows } from "@/lib/domain/interfaces/vm-nic-state";
import { ovsPageView, type OvsPageView } from "@/lib/domain/host/snapshot-ovs";
import type { VmPageData } from "@/lib/domain/interfaces/vm-view";
import { readHostSnapshot } from "../host-snapshot";
import { withHost } from "../host-read";
import { readConfigNics, removalsAsked } from "./vm-read";

// What the interfaces and VM pages render, read fresh on every request.

export type InterfacesPageData = { host: HostRef; view: InterfacesView; ovs: OvsPageView };

export async function readInterfacesPage(hostName: string): Promise<ActionResult<InterfacesPageData>> {
  return withHost(hostName, async (host, target) => {
    const snapshot = await readHostSnapshot(target);
    return { host, view: interfacesView(snapshot, target.address), ovs: ovsPageView(snapshot) };
  });
}


export type { VmPageData };

export async function readVmPage(hostName: string, vmName: string): Promise<ActionResult<VmPageData>> {
  const read = await withHost(hostName, async (host, target): Promise<VmPageData | null> => {
    const snapshot = await readHostSnapshot(target);
    const vm = snapshot.domains.find((d) => d.name === vmName);
    if (!vm) return null;
    const running = vm.state === "running" || vm.state === "paused";
    const [config, asked] = await Promise.all([readConfigNics(target, vm.uuid), removalsAsked(host.id, vm.name)]);
    return { host, vm: { uuid: vm.uuid, name: vm.name, state: vm.state }, rows: vmNicRows(running, running ? vm.interfaces : [], config, asked), choices: attachChoices(snapshot) };
  });
  if (!read.ok) return read;
  return read.data ? ok(read.data) : fail("vm-not-found", `There is no VM ${vmName} on ${hostName}.`);
}
