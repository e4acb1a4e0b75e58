import { beforeEach, expect, it } from "vitest";
import { clearPlans, PLAN_LIMITS, PLAN_TTL_MS, savePlan, storePlan, takePlan } from "@/lib/changes/plan-store";
import type { PlanDraft } from "@/lib/domain/plan";
import { describeEachBackend } from "./backends";

// The plan store (PGlite and PostgreSQL) holds a bounded number of plans per
// operator and in total, and refuses a plan whose XML is larger than any real
// network's; saves racing each other cannot slip past a cap.

const draft = (xml = "<network/>"): PlanDraft => ({
  action: "network.xml-edit",
  host: { id: "h", name: "hv" },
  target: "n",
  summary: "s",
  steps: [{ title: "define", argv: ["virsh", "net-define", "/dev/stdin"], stdin: xml }],
  xml,
  notes: [],
});

describeEachBackend("plan store limits", async () => {
  beforeEach(async () => clearPlans());

  it("refuses an operator's plan past the per-operator cap with a clear message, and others still plan", async () => {
    const now = Date.now();
    for (let i = 0; i < PLAN_LIMITS.perOperator; i += 1) expect((await storePlan(draft(), "flooder", now)).ok).toBe(true);
    const refused = await storePlan(draft(), "flooder", now);
    expect(refused).toMatchObject({ ok: false, code: "too-many-plans" });
    expect(!refused.ok && refused.message).toMatch(/30 plans waiting to be applied/);
    expect((await storePlan(draft(), "someone-else", now)).ok).toBe(true);
  });

  it("frees a slot when a plan is applied or expires", async () => {
    const now = Date.now();
    const first = await savePlan(draft(), "alice", now);
    for (let i = 1; i < PLAN_LIMITS.perOperator; i += 1) await savePlan(draft(), "alice", now);
    expect((await storePlan(draft(), "alice", now)).ok).toBe(false);
    expect((await takePlan(first.id, "alice", now)).ok).toBe(true);
    expect((await storePlan(draft(), "alice", now)).ok).toBe(true);
    expect((await storePlan(draft(), "alice", now)).ok).toBe(false);
    expect((await storePlan(draft(), "alice", now + PLAN_TTL_MS + 1)).ok).toBe(true);
  });

  it("refuses past the total cap, whoever asks", async () => {
    const now = Date.now();
    const operators = Math.ceil(PLAN_LIMITS.total / PLAN_LIMITS.perOperator);
    let stored = 0;
    for (let o = 0; o < operators && stored < PLAN_LIMITS.total; o += 1) {
      for (let i = 0; i < PLAN_LIMITS.perOperator && stored < PLAN_LIMITS.total; i += 1, stored += 1) await savePlan(draft(), `op-${o}`, now);
    }
    expect(await storePlan(draft(), "newcomer", now)).toMatchObject({ ok: false, code: "plans-full" });
  });

  it("refuses once all stored plans together would hold more XML than the total budget", async () => {
    const now = Date.now();
    const large = `<network>${"x".repeat(PLAN_LIMITS.xmlBytes - 100)}</network>`; // shown and sent as stdin: about 2 × 256 kB
    let stored = 0;
    for (let o = 0; stored < 200; o += 1) {
      const result = await storePlan(draft(large), `op-${o % 10}`, now);
      if (!result.ok) {
        expect(result).toMatchObject({ code: "plans-full" });
        break;
      }
      stored += 1;
    }
    expect(stored * 2 * PLAN_LIMITS.xmlBytes).toBeLessThanOrEqual(PLAN_LIMITS.totalXmlBytes + 2 * PLAN_LIMITS.xmlBytes);
    expect(stored).toBeGreaterThan(50);
    expect(stored).toBeLessThan(PLAN_LIMITS.total);
  });

  it("refuses a plan whose XML (shown or sent as stdin) passes the size cap, and stores nothing", async () => {
    const big = `<network><name>n</name><description>${"x".repeat(PLAN_LIMITS.xmlBytes)}</description></network>`;
    const refused = await storePlan(draft(big), "alice");
    expect(refused).toMatchObject({ ok: false, code: "plan-too-large" });
    expect(!refused.ok && refused.message).toMatch(/up to 256 kB/);
    const hidden = { ...draft(), steps: [{ title: "t", argv: ["virsh"], stdin: big }] };
    expect(await storePlan(hidden, "alice")).toMatchObject({ ok: false, code: "plan-too-large" });
    // Multibyte text is measured in bytes, not characters.
    const wide = `<network>${"é".repeat(PLAN_LIMITS.xmlBytes / 2 + 1)}</network>`;
    expect(await storePlan(draft(wide), "alice")).toMatchObject({ ok: false, code: "plan-too-large" });
    await expect(savePlan(draft(big), "alice")).rejects.toThrow(/Nothing was changed/);
    // None of the refused plans took a slot.
    for (let i = 0; i < PLAN_LIMITS.perOperator; i += 1) expect((await storePlan(draft(), "alice")).ok).toBe(true);
  });
});
