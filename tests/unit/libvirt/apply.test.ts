import { beforeEach, describe, expect, it, vi } from "vitest";

const audit = vi.hoisted(() => ({ records: [] as unknown[] }));
vi.mock("@/lib/audit/record", () => ({ recordAudit: async (entry: unknown) => void audit.records.push(entry) }));

import { CommandFailed } from "@/lib/ssh";
import { applyPlan } from "@/lib/changes/apply";
import type { ApplyEvent, Plan, PlanCommand } from "@/lib/domain/plan";

const operator = { id: "op", username: "alice", role: "operator" as const };
const cmd = (name: string) => ["virsh", name];
const plan: Plan = {
  id: "p", createdAt: "", expiresAt: "", action: "network.create", host: { id: "h", name: "hv-a" }, target: "n", summary: "s", notes: [], xml: "<network/>",
  steps: [
    { title: "define", argv: cmd("define"), undo: { title: "undefine", argv: cmd("undefine") } },
    { title: "start", argv: cmd("start"), undo: { title: "destroy", argv: cmd("destroy") } },
    { title: "autostart", argv: cmd("autostart") },
  ],
};

function runner(failOn: string[]) {
  const ran: string[] = [];
  const run = async (c: PlanCommand) => {
    ran.push(c.argv[1]!);
    if (failOn.includes(c.argv[1]!)) throw new CommandFailed("hv-a:22", c.argv, 1, `error: failed to ${c.argv[1]}\nerror: Network is already in use by interface eth0`);
  };
  return { ran, run };
}

describe("applyPlan", () => {
  beforeEach(() => void (audit.records.length = 0));

  it("runs every step in order and audits them", async () => {
    const { ran, run } = runner([]);
    const events: ApplyEvent[] = [];
    await expect(applyPlan(plan, operator, run, (e) => events.push(e))).resolves.toBe("ok");
    expect(ran).toEqual(["define", "start", "autostart"]);
    expect(events.at(-1)).toEqual({ type: "finished", result: "ok" });
    expect(audit.records).toEqual([expect.objectContaining({ action: "network.create", result: "ok", xml: "<network/>", commands: [cmd("define"), cmd("start"), cmd("autostart")] })]);
  });

  it("undoes what it did, newest first, when a step fails, and explains libvirt's message", async () => {
    const { ran, run } = runner(["autostart"]);
    const events: ApplyEvent[] = [];
    await expect(applyPlan(plan, operator, run, (e) => events.push(e))).resolves.toBe("rolled-back");
    expect(ran).toEqual(["define", "start", "autostart", "destroy", "undefine"]);
    const failed = events.find((e) => e.type === "step" && e.status === "failed");
    expect(failed).toMatchObject({ index: 2, failure: { kind: "command-failed", explanation: expect.stringMatching(/eth0/) } });
    expect(audit.records[0]).toMatchObject({ result: "rolled-back", detail: expect.stringMatching(/already in use/) });
  });

  it("never undoes the step that failed, and reports a failed undo as partial", async () => {
    const { ran, run } = runner(["start", "undefine"]);
    await expect(applyPlan(plan, operator, run, () => {})).resolves.toBe("partial");
    expect(ran).toEqual(["define", "start", "undefine"]);
  });

  it("a failing first step has nothing to undo", async () => {
    const { ran, run } = runner(["define"]);
    await expect(applyPlan(plan, operator, run, () => {})).resolves.toBe("failed");
    expect(ran).toEqual(["define"]);
  });
});
