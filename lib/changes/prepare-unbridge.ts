import "server-only";
import { randomBytes } from "node:crypto";
import { fail, type ActionResult } from "@/lib/actions/result";
import { linkKind } from "@/lib/domain/interfaces/classify";
import { describeUse, usesOf } from "@/lib/domain/interfaces/usage";
import type { GuardedChange, Plan } from "@/lib/domain/plan";
import { withHost } from "@/lib/libvirt/host-read";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { disarmArgv, launchArgv } from "@/lib/libvirt/deadman";
import { unbridgeInputs } from "@/lib/libvirt/uplink-bridge-plan";
import { NOT_PERSISTED } from "@/lib/libvirt/uplink-bridge-persistence";
import { readNetState } from "@/lib/libvirt/uplink-bridge-read";
import { runCommand } from "@/lib/ssh";
import { virshArgv } from "@/lib/libvirt/virsh";
import { storePlan } from "./plan-store";
import type { PrepareRequest } from "./request";

// Deleting a bridge that carries the host's connection (its addresses, or the
// uplink as its port), the guarded way: the addresses and routes go back to its
// one NIC port first, under the same dead-man switch as "Bridge this NIC". The
// plain "Delete" keeps refusing such a bridge; this is the confirmed path.

export type UnbridgeInput = { bridge: string; seconds: number };

type Json = { linkinfo?: { info_data?: { stp_state?: number; forward_delay?: number } }; address?: string };

export async function prepareUnbridge({ operator, host: hostName, input }: PrepareRequest<UnbridgeInput>): Promise<ActionResult<Plan>> {
  const { bridge, seconds } = input;
  const read = await withHost(hostName, async (host, target) => {
    const snapshot = await readHostSnapshot(target);
    const link = snapshot.links.find((l) => l.ifname === bridge);
    const ports = snapshot.links.filter((l) => l.master === bridge);
    if (!link || linkKind(link) !== "bridge" || ports.length !== 1) return { host, target, snapshot, link, ports, before: null, details: null };
    const [before, details] = await Promise.all([readNetState(target, [bridge, ports[0]!.ifname]), runCommand(target, ["ip", "-d", "-j", "link", "show", "dev", bridge])]);
    return { host, target, snapshot, link, ports, before, details: (JSON.parse(details.stdout) as Json[])[0] ?? null };
  });
  if (!read.ok) return read;
  const { host, target, snapshot, link, ports, before, details } = read.data;
  if (!link) return fail("refused", `There is no interface ${bridge} on this host (any more); refresh the page.`);
  if (linkKind(link) !== "bridge") return fail("refused", `${bridge} is not a bridge.`);
  if (ports.length !== 1 || linkKind(ports[0]!) !== "nic") return fail("refused", `${bridge} has ${ports.length === 1 ? `port ${ports[0]!.ifname}, not a NIC` : `${ports.length} ports`}; only a bridge over exactly one NIC can hand its addresses back.`);
  const users = usesOf(snapshot, target.address, bridge).filter((u) => u.kind !== "ssh");
  if (users.length) return fail("refused", `${bridge} is used by ${users.map(describeUse).join(", ")}. Remove or change those first.`);
  if (!before || !details || !link.mac) return fail("refused", `${bridge} could not be read.`);
  if ((before.addresses[bridge] ?? []).length === 0) return fail("refused", `${bridge} carries no address; delete it with "Delete".`);
  const port = ports[0]!.ifname;
  const info = details.linkinfo?.info_data ?? {};
  const { doLines, undoLines, after } = unbridgeInputs({ bridge, port, mac: link.mac, stp: { state: info.stp_state ?? 0, forwardDelay: info.forward_delay ?? 0 }, before });
  const switchId = randomBytes(12).toString("hex");
  const guard: GuardedChange = {
    kind: "unbridge",
    switchId,
    seconds,
    nic: port,
    bridge,
    doInput: doLines.join("\n"),
    undoInput: undoLines.join("\n"),
    before,
    after,
    reachedAt: `${target.address}:${target.port}`,
    hostKey: target.pinnedFingerprint ?? "",
    persistence: { manager: "none", text: `${NOT_PERSISTED} If a network manager set ${bridge} up, it brings it back at boot.` },
  };
  return storePlan(
    {
      action: "interface.unbridge",
      host,
      target: `${bridge} → ${port}`,
      summary: `Delete bridge ${bridge} on ${host.name}: ${port} takes back its addresses and routes`,
      steps: [
        { title: `Start the dead-man switch (runs the undo input in ${seconds} s unless disarmed) and make the change in its detached context`, argv: launchArgv(switchId, seconds, guard.doInput, guard.undoInput) },
        { title: `Prove the host reachable: a new SSH connection to ${guard.reachedAt}, host key ${guard.hostKey} unchanged, virsh answering`, argv: virshArgv("version") },
        { title: "Disarm the switch", argv: disarmArgv(switchId) },
      ],
      notes: ["Runtime only: iproute2 changes the running kernel, not the host's network configuration, so this does not survive a reboot."],
      guard,
    },
    operator.id,
  );
}
