import "server-only";
import { fail, type ActionResult } from "@/lib/actions/result";
import type { HostRef, HostSnapshot } from "@/lib/domain/host/snapshot";
import { findLink } from "@/lib/domain/interfaces/names";
import { describeUse, sshCarriers, usesOf } from "@/lib/domain/interfaces/usage";
import type { NetState, Plan } from "@/lib/domain/plan";
import { withHost } from "@/lib/libvirt/host-read";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { removalInputs, removalSteps, removeAddress, sessionArgv, sessionClient, sessionRouteProblem } from "@/lib/libvirt/remove-address-plan";
import { readNetState } from "@/lib/libvirt/uplink-bridge-read";
import { runCommand, type SshTarget } from "@/lib/ssh";
import { guardedDraft, projectNetState } from "./guarded-draft";
import { storePlan } from "./plan-store";
import type { PrepareRequest } from "./request";

// Removing an address from a NIC or bridge (Interfaces page). When the address
// is the path Switchyard reaches the host through (it connects to it, or the
// host answers through a route that goes with it), the plain removal is
// refused; with the operator's confirmation it runs under the dead-man switch,
// whose undo re-adds the address and its routes exactly as read. Any other
// address goes as an ordinary plan.

export type RemoveAddressInput = { device: string; address: string; guarded: boolean; seconds: number };

export type UplinkFacts = { host: HostRef; target: SshTarget; snapshot: HostSnapshot; all: NetState; client: string | null; carriers: Set<string> };

/** One read for both removals: the host, every device's addresses and routes as data, and who Switchyard is to the host. */
export async function readUplinkFacts(hostName: string): Promise<ActionResult<UplinkFacts>> {
  return withHost(hostName, async (host, target) => {
    const snapshot = await readHostSnapshot(target);
    const [all, session] = await Promise.all([readNetState(target, snapshot.links.map((l) => l.ifname)), runCommand(target, sessionArgv(), { allowFailure: true })]);
    return { host, target, snapshot, all, client: sessionClient(session.stdout), carriers: new Set(sshCarriers(snapshot, target.address).keys()) };
  });
}

/** Without the box ticked, the refusal the page shows on it. */
export const confirmProblem = (what: string, why: string) =>
  `${what} carries Switchyard's connection to this host (${why}); removing it would cut the host off. Tick "Under the dead-man switch" to remove it guarded: the host undoes it by itself unless Switchyard proves it still reachable.`;

export async function prepareRemoveAddress({ operator, host: hostName, input }: PrepareRequest<RemoveAddressInput>): Promise<ActionResult<Plan>> {
  const read = await readUplinkFacts(hostName);
  if (!read.ok) return read;
  const { host, target, snapshot, all, client, carriers } = read.data;
  const { device } = input;
  if (!findLink(snapshot.links, device)) return fail("invalid", `There is no interface ${device} on this host (any more); refresh the page.`, { device: `No interface ${device} (any more).` });
  const address = (all.addresses[device] ?? []).find((a) => `${a.local}/${a.prefixlen}` === input.address);
  if (!address) {
    const problem = `${input.address} is not a global address of ${device} (any more); link-local addresses come back with the link by themselves. Refresh the page.`;
    return fail("invalid", problem, { address: problem });
  }
  const owners = usesOf(snapshot, target.address, device).filter((u) => u.kind === "network");
  if (owners.length) return fail("refused", `${device}'s addresses belong to ${owners.map(describeUse).join(", ")}; change the network instead.`, { address: `Owned by ${owners.map((u) => (u.kind === "network" ? u.name : "")).join(", ")}.` });

  const before = projectNetState(all, [device]);
  const removal = removeAddress(device, address, before);
  const what = `${input.address} on ${device}`;
  const towardsDropped = client ? sessionRouteProblem(removal.removedRoutes, all.routes, client, carriers) : null;
  const why = address.local === target.address ? `Switchyard connects to ${address.local}` : towardsDropped;
  const routeNote = removal.removedRoutes.length ? [`The kernel drops these routes with the address, so the change removes them first and the undo puts them back: ${removal.removedRoutes.map((r) => `${r.dst}${r.gateway ? ` via ${r.gateway}` : ""}`).join(", ")}.`] : [];
  const runtime = "Runtime only: iproute2 changes the running kernel, not the host's network configuration; a network manager may put the address back.";

  if (why) {
    if (!input.guarded) return fail("invalid", confirmProblem(what, why), { guarded: confirmProblem(what, why) });
    const { doInput, undoInput } = removalInputs(removal.pairs);
    return storePlan(
      guardedDraft({
        kind: "remove-address", runner: "ip", seconds: input.seconds, nic: device, bridge: device, doInput, undoInput, before, after: removal.after, target, host,
        action: "interface.remove-address", what, summary: `Remove ${what} on ${host.name}, under the dead-man switch`, why, notes: [...routeNote, runtime],
      }),
      operator.id,
    );
  }
  return storePlan(
    { action: "interface.remove-address", host, target: what, summary: `Remove ${what} on ${host.name}`, steps: removalSteps(removal.pairs), notes: [...routeNote, runtime] },
    operator.id,
  );
}
