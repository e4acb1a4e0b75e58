import { afterAll, describe, expect, it } from "vitest";
import { labVirsh } from "@/lab";
import { findNetworkByName } from "@/lib/domain/host/snapshot-vms";
import { forgetSnapshotHint, readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { closeAllConnections, transportStats, type SshTarget } from "@/lib/ssh";
import { sessionCommands, settle } from "./exec-count";
import { labTarget } from "./lab-target";

// Warm reads (one virsh, the previous read's UUIDs) against the lab: what the
// host holds now always wins over what the console remembered, and the host's
// sshd says how many execs each read cost.
const HOST = "hv-b";
const NAME = "sy-net-warm";
const target: SshTarget = { ...labTarget(HOST), id: "lab-hv-b-warm-read" };

async function execsOf(work: () => Promise<unknown>): Promise<number> {
  const port = transportStats(target.id)!.localPort!;
  await settle();
  const before = sessionCommands(HOST, port);
  await work();
  await settle();
  return sessionCommands(HOST, port) - before;
}

afterAll(async () => {
  await labVirsh(HOST, ["net-destroy", "--", NAME]);
  await labVirsh(HOST, ["net-undefine", "--", NAME]);
  closeAllConnections();
});

describe("a warm read", () => {
  it("costs one exec, and the network pages' scope reads no kernel facts", async () => {
    forgetSnapshotHint(target.id);
    const cold = await readHostSnapshot(target);
    expect(cold.links.some((l) => l.ifname === "virbr0")).toBe(true);
    let networksOnly: Awaited<ReturnType<typeof readHostSnapshot>> | undefined;
    expect(await execsOf(async () => (networksOnly = await readHostSnapshot(target, { scope: "networks" })))).toBe(1);
    expect(networksOnly!.networks.map((n) => n.uuid).sort()).toEqual(cold.networks.map((n) => n.uuid).sort());
    expect(networksOnly!.domains.map((d) => d.uuid).sort()).toEqual(cold.domains.map((d) => d.uuid).sort());
    expect([networksOnly!.links, networksOnly!.addresses, networksOnly!.routes, networksOnly!.bridgePorts]).toEqual([[], [], [], []]);
  });

  it("sees a network defined out of band (no event told us): one more exec, then warm again", async () => {
    await readHostSnapshot(target); // the hint now lacks NAME
    const xml = `<network><name>${NAME}</name><bridge name='sy-net-warm'/><ip address='10.230.71.1' prefix='24'/></network>`;
    expect((await labVirsh(HOST, ["net-define", "/dev/stdin"], { stdin: xml })).code).toBe(0);
    let seen: Awaited<ReturnType<typeof readHostSnapshot>> | undefined;
    expect(await execsOf(async () => (seen = await readHostSnapshot(target)))).toBe(2);
    expect(findNetworkByName(seen!, NAME)).toMatchObject({ active: false, persistent: true });
    expect(await execsOf(() => readHostSnapshot(target))).toBe(1);
  });

  it("sees a network started out of band with its leases read, and one undefined out of band is gone", async () => {
    expect((await labVirsh(HOST, ["net-start", "--", NAME])).code).toBe(0);
    const started = await readHostSnapshot(target);
    expect(findNetworkByName(started, NAME)).toMatchObject({ active: true, leases: [] });
    await labVirsh(HOST, ["net-destroy", "--", NAME]);
    await labVirsh(HOST, ["net-undefine", "--", NAME]);
    let after: Awaited<ReturnType<typeof readHostSnapshot>> | undefined;
    // The hinted UUID's dump fails ("Network not found"); the lists no longer name it.
    expect(await execsOf(async () => (after = await readHostSnapshot(target)))).toBe(1);
    expect(findNetworkByName(after!, NAME)).toBeUndefined();
    expect(after!.warnings).toEqual([]);
  });
});
