import "server-only";
import { randomBytes } from "node:crypto";
import { fail, type ActionResult } from "@/lib/actions/result";
import { linkKind } from "@/lib/domain/interfaces/classify";
import { newNameProblem } from "@/lib/domain/interfaces/names";
import { describeUse, usesOf } from "@/lib/domain/interfaces/usage";
import type { GuardedChange, Plan, PlanDraft } from "@/lib/domain/plan";
import { withHost } from "@/lib/libvirt/host-read";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { disarmArgv, launchArgv } from "@/lib/libvirt/deadman";
import { bridgeNicInputs } from "@/lib/libvirt/uplink-bridge-plan";
import { detectArgv, detectManager, persistenceProposal, splitDetectOutput } from "@/lib/libvirt/uplink-bridge-persistence";
import { readNetState } from "@/lib/libvirt/uplink-bridge-read";
import { runCommand } from "@/lib/ssh";
import { virshArgv } from "@/lib/libvirt/virsh";
import { storePlan } from "./plan-store";
import type { PrepareRequest } from "./request";

// "Bridge this NIC": read the NIC's addresses and routes, build the two
// ip -batch inputs, and store a plan that runs under a dead-man switch on the
// host. Nothing runs on the host until the operator applies it.

export type BridgeNicInput = { nic: string; bridge: string; seconds: number };

export async function prepareBridgeNic({ operator, host: hostName, input }: PrepareRequest<BridgeNicInput>): Promise<ActionResult<Plan>> {
  const { nic, bridge, seconds } = input;
  const read = await withHost(hostName, async (host, target) => {
    const [snapshot, before, detect] = await Promise.all([
      readHostSnapshot(target),
      readNetState(target, [nic, bridge]),
      runCommand(target, detectArgv(), { timeoutMs: 15_000 }),
    ]);
    return { host, target, snapshot, before, detect: detect.stdout };
  });
  if (!read.ok) return read;
  const { host, target, snapshot, before, detect } = read.data;
  const nameProblem = newNameProblem(snapshot.links, bridge);
  if (nameProblem) return fail("invalid", nameProblem, { bridge: nameProblem });
  const link = snapshot.links.find((l) => l.ifname === nic);
  if (!link) return fail("refused", `There is no interface ${nic} on this host (any more); refresh the page.`);
  if (linkKind(link) !== "nic") return fail("refused", `${nic} is a ${linkKind(link)}, not a NIC.`);
  if (link.master) return fail("refused", `${nic} is already a port of ${link.master}.`);
  if (!link.mac) return fail("refused", `${nic} has no MAC address to give the bridge.`);
  const blocking = usesOf(snapshot, target.address, nic).filter((u) => u.kind !== "ssh");
  if (blocking.length) return fail("refused", `${nic} is used by ${blocking.map(describeUse).join(", ")}; a bridge port cannot carry macvtap or a network's own device.`);
  if ((before.addresses[nic] ?? []).length === 0) return fail("refused", `${nic} carries no address to move; add it to a bridge with "Add to bridge" instead.`);

  const { doLines, undoLines, after } = bridgeNicInputs({ nic, bridge, mac: link.mac, before });
  const doInput = doLines.join("\n");
  const undoInput = undoLines.join("\n");
  const switchId = randomBytes(12).toString("hex");
  const reachedAt = `${target.address}:${target.port}`;
  const carriesSsh = usesOf(snapshot, target.address, nic).some((u) => u.kind === "ssh");
  const guard: GuardedChange = {
    kind: "bridge-nic",
    switchId,
    seconds,
    nic,
    bridge,
    doInput,
    undoInput,
    before,
    after,
    reachedAt,
    hostKey: target.pinnedFingerprint ?? "",
    persistence: persistenceProposal(detectManager(splitDetectOutput(detect), nic), nic, bridge, link.mac, after),
  };
  const draft: PlanDraft = {
    action: "interface.bridge-nic",
    host,
    target: `${nic} → ${bridge}`,
    summary: `Bridge ${nic} on ${host.name}: ${bridge} takes its addresses and routes, ${nic} becomes its port`,
    steps: [
      {
        title: `Start the dead-man switch (runs the undo input in ${seconds} s unless disarmed) and make the change in its detached context`,
        argv: launchArgv(switchId, seconds, doInput, undoInput),
      },
      { title: `Prove the host reachable: a new SSH connection to ${reachedAt}, host key ${guard.hostKey} unchanged, virsh answering`, argv: virshArgv("version") },
      { title: "Disarm the switch", argv: disarmArgv(switchId) },
    ],
    notes: [
      ...(carriesSsh ? [`${nic} carries Switchyard's own connection to ${host.name}: the switch brings it back by itself if the host cannot be reached through ${bridge}.`] : []),
      ...((before.addresses[nic] ?? []).some((a) => a.dynamic) ? [`An address on ${nic} came from DHCP: the DHCP client still renews it on ${nic}, not on ${bridge}. Make the change persistent so the network manager runs DHCP on ${bridge}.`] : []),
      "Runtime only: iproute2 changes the running kernel, not the host's network configuration, so this does not survive a reboot.",
    ],
    guard,
  };
  return storePlan(draft, operator.id);
}
