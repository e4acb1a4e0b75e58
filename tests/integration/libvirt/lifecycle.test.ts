import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const audit = vi.hoisted(() => ({ records: [] as { result: string; commands: string[][] }[] }));
vi.mock("@/lib/audit/record", () => ({ recordAudit: async (e: { result: string; commands: string[][] }) => void audit.records.push(e) }));

import { labVirsh } from "@/lab";
import { applyPlan, sshRunner } from "@/lib/changes/apply";
import type { Plan, PlanDraft } from "@/lib/domain/plan";
import { findNetworkByName } from "@/lib/domain/host/snapshot-vms";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { networkChangePlan, type NetworkChange } from "@/lib/libvirt/network-plans";
import { virshArgv } from "@/lib/libvirt/virsh";
import { closeAllConnections } from "@/lib/ssh";
import { labTarget } from "./lab-target";

// Start, autostart, stop and delete through plans applied over SSH, each
// checked with virsh on the host; and a failing plan rolled back.
const HOST = "hv-a";
const NAME = "sy-net-life";
const target = labTarget(HOST);
const operator = { id: "00000000-0000-4000-8000-000000000001", username: "lifecycle-test", role: "operator" as const };
const host = { id: "lab-hv-a", name: HOST };
const asPlan = (draft: PlanDraft): Plan => ({ ...draft, id: "p", createdAt: "", expiresAt: "" });
const virshOut = async (args: string[]) => (await labVirsh(HOST, args)).stdout;

let uuid = "";

async function apply(change: NetworkChange) {
  const snapshot = await readHostSnapshot(target);
  const network = findNetworkByName(snapshot, NAME)!;
  return applyPlan(asPlan(networkChangePlan(change, host, snapshot, network)), operator, sshRunner(target), () => {});
}

async function cleanup() {
  await labVirsh(HOST, ["net-destroy", "--", NAME]);
  await labVirsh(HOST, ["net-undefine", "--", NAME]);
}

beforeAll(async () => {
  await cleanup();
  const xml = `<network><name>${NAME}</name><bridge name='sy-net-life0'/><ip address='10.230.1.1' prefix='24'/></network>`;
  const r = await labVirsh(HOST, ["net-define", "/dev/stdin"], { stdin: xml });
  expect(r.code, r.stderr).toBe(0);
  uuid = (await virshOut(["net-uuid", NAME])).trim();
});
afterAll(async () => {
  await cleanup();
  closeAllConnections();
});

describe("lifecycle over SSH", () => {
  it("starts, autostarts, stops and deletes, as virsh on the host sees it", async () => {
    expect(await apply("start")).toBe("ok");
    expect(await virshOut(["net-list", "--uuid"])).toContain(uuid);
    expect(await apply("autostart-on")).toBe("ok");
    expect(await virshOut(["net-list", "--all", "--autostart", "--uuid"])).toContain(uuid);
    expect(await apply("autostart-off")).toBe("ok");
    expect(await virshOut(["net-list", "--all", "--autostart", "--uuid"])).not.toContain(uuid);
    expect(await apply("stop")).toBe("ok");
    expect(await virshOut(["net-list", "--uuid"])).not.toContain(uuid);
    expect(await apply("start")).toBe("ok");
    expect(await apply("delete")).toBe("ok");
    expect(await virshOut(["net-list", "--all", "--uuid"])).not.toContain(uuid);
    expect(audit.records.at(-1)?.commands.map((c) => c[5])).toEqual(["net-destroy", "net-undefine"]);
  });

  it("rolls back what it did when a later step fails, and leaves nothing running", async () => {
    await labVirsh(HOST, ["net-define", "/dev/stdin"], { stdin: `<network><name>${NAME}</name><uuid>${uuid}</uuid><bridge name='sy-net-life0'/><ip address='10.230.1.1' prefix='24'/></network>` });
    const snapshot = await readHostSnapshot(target);
    const network = findNetworkByName(snapshot, NAME)!;
    const draft = networkChangePlan("start", host, snapshot, network);
    // A second step that libvirt refuses: autostart of a UUID that does not exist.
    draft.steps.push({ title: "Fail on purpose", argv: virshArgv("net-autostart", [], ["00000000-0000-4000-8000-00000000dead"]) });
    const result = await applyPlan(asPlan(draft), operator, sshRunner(target), () => {});
    expect(result).toBe("rolled-back");
    expect(await virshOut(["net-list", "--uuid"])).not.toContain(uuid);
    expect(await virshOut(["net-list", "--all", "--uuid"])).toContain(uuid);
    expect(audit.records.at(-1)).toMatchObject({ result: "rolled-back" });
    expect(audit.records.at(-1)!.commands.map((c) => c[5])).toEqual(["net-start", "net-autostart", "net-destroy"]);
  });
});
