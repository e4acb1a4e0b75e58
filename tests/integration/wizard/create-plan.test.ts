import { afterAll, describe, expect, it, vi } from "vitest";

const audit = vi.hoisted(() => ({ records: [] as { result: string; commands: string[][]; xml: string | null; detail: string | null }[] }));
vi.mock("@/lib/audit/record", () => ({ recordAudit: async (e: (typeof audit.records)[number]) => void audit.records.push(e) }));

import { fault, labExec, labVirsh } from "@/lab";
import { applyPlan, sshRunner } from "@/lib/changes/apply";
import { createNetworkPlan } from "@/lib/changes/create-network";
import type { ApplyEvent, Plan } from "@/lib/domain/plan";
import { defaultWizardValues, randomUuid, wizardToSpec, type WizardValues } from "@/lib/domain/network";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { closeAllConnections } from "@/lib/ssh";
import { hostFactsOf } from "@/lib/wizard/host-facts";
import { stepFieldErrors } from "@/lib/wizard/step-errors";
import { labTarget } from "../libvirt/lab-target";

// The wizard's plan applied over SSH (the XML really goes over stdin), the
// same-name race between two requests, and the rollback on a failing
// autostart, each checked with virsh and ip on the host.
const operator = { id: "00000000-0000-4000-8000-000000000002", username: "wizard-test", role: "operator" as const };
const NAMES = ["sy-wiz-int", "sy-wiz-int-race", "sy-wiz-int-rb"];

async function cleanup(host: string, name: string) {
  await labVirsh(host, ["net-destroy", "--", name]);
  await labVirsh(host, ["net-undefine", "--", name]);
}

afterAll(async () => {
  await fault("hv-a", "autostart", false);
  for (const host of ["hv-a", "hv-b"]) for (const name of NAMES) await cleanup(host, name);
  closeAllConnections();
});

function values(name: string, network: string, edit: (v: WizardValues) => void = () => {}): WizardValues {
  const v = defaultWizardValues({ networks: [], addresses: [], routes: [], interfaces: [], bridges: [] });
  v.name = name;
  v.ipv4.network = network;
  const [a, b, c] = network.split(".");
  v.ipv4.dhcpStart = `${a}.${b}.${c}.128`;
  v.ipv4.dhcpEnd = `${a}.${b}.${c}.254`;
  edit(v);
  return v;
}

function plan(hostName: string, v: WizardValues): Plan {
  const uuid = randomUuid();
  const draft = createNetworkPlan({ id: `lab-${hostName}`, name: hostName }, { ...wizardToSpec(v, { uuid }), uuid }, v.autostart);
  return { ...draft, id: uuid, createdAt: "", expiresAt: "" };
}

const uuidOf = (p: Plan) => p.steps[1]!.argv.at(-1)!;

describe("the create-network plan over SSH", () => {
  it("defines from stdin, starts and autostarts; the host's facts then refuse the name and the subnet", async () => {
    const host = "hv-b";
    await cleanup(host, NAMES[0]!);
    const p = plan(host, values(NAMES[0]!, "10.250.20.0/24"));
    const events: ApplyEvent[] = [];
    expect(await applyPlan(p, operator, sshRunner(labTarget(host)), (e) => events.push(e))).toBe("ok");
    expect(events.filter((e) => e.type === "step" && e.status === "done").map((e) => (e as { index: number }).index)).toEqual([0, 1, 2]);
    expect((await labVirsh(host, ["net-uuid", "--", NAMES[0]!])).stdout.trim()).toBe(uuidOf(p));
    const info = (await labVirsh(host, ["net-info", "--", NAMES[0]!])).stdout;
    expect(info).toMatch(/Active:\s+yes/);
    expect(info).toMatch(/Autostart:\s+yes/);
    // The audit record holds the XML and the argv exactly as the plan showed them.
    const record = audit.records.at(-1)!;
    expect(record.xml).toBe(p.xml);
    expect(record.commands).toEqual(p.steps.map((s) => s.argv));

    const facts = hostFactsOf(await readHostSnapshot(labTarget(host)));
    const again = values(NAMES[0]!, "10.250.20.0/25");
    expect(Object.keys(stepFieldErrors(again, 0, facts))).toEqual(["name"]);
    expect(Object.keys(stepFieldErrors(again, 1, facts))).toContain("ipv4.network");
  });

  it("same name, same moment: exactly one network; the loser's rollback never names the winner's UUID", async () => {
    const host = "hv-b";
    await cleanup(host, NAMES[1]!);
    const a = plan(host, values(NAMES[1]!, "10.250.21.0/24"));
    const b = plan(host, values(NAMES[1]!, "10.250.22.0/24"));
    audit.records.length = 0;
    const results = await Promise.all([a, b].map((p) => applyPlan(p, operator, sshRunner(labTarget(host)), () => {})));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    const winner = results[0] === "ok" ? a : b;
    const loser = winner === a ? b : a;
    expect(results[winner === a ? 1 : 0]).toBe("failed");
    const lost = audit.records.find((r) => r.result !== "ok")!;
    expect(lost.detail).toMatch(/already exists/);
    expect(lost.commands.flat()).not.toContain(uuidOf(winner));
    const uuids = (await labVirsh(host, ["net-list", "--all", "--uuid"])).stdout;
    expect(uuids).toContain(uuidOf(winner));
    expect(uuids).not.toContain(uuidOf(loser));
    expect((await labVirsh(host, ["net-info", "--", NAMES[1]!])).stdout).toMatch(/Active:\s+yes/);
  });

  it("autostart failing rolls back: destroy, then undefine, by UUID; no trace in net-list or ip link", async () => {
    const host = "hv-a";
    await cleanup(host, NAMES[2]!);
    const p = plan(host, values(NAMES[2]!, "10.250.23.0/24"));
    const events: ApplyEvent[] = [];
    await fault(host, "autostart", true);
    let result;
    try {
      result = await applyPlan(p, operator, sshRunner(labTarget(host)), (e) => events.push(e));
    } finally {
      await fault(host, "autostart", false);
    }
    expect(result).toBe("rolled-back");
    const undone = events.filter((e) => e.type === "undo" && e.status === "done").map((e) => (e as { command: { argv: string[] } }).command.argv.slice(5));
    expect(undone).toEqual([["net-destroy", "--", uuidOf(p)], ["net-undefine", "--", uuidOf(p)]]);
    expect((await labVirsh(host, ["net-list", "--all", "--uuid"])).stdout).not.toContain(uuidOf(p));
    const links = await labExec(host, ["ip", "-j", "addr"]);
    expect(links.stdout).not.toContain("10.250.23.1");
  });
});
