import { describe, expect, it } from "vitest";
import { SharedChecks } from "@/lib/hosts/shared-checks";

// The host-status cache's rules, with a clock the test moves: one check for
// concurrent callers, a fresh answer reused, a failed host left alone.

type Answer = { state: "up" | "down"; n: number };

function harness() {
  let clock = 1_000;
  let runs = 0;
  let next: Answer["state"] = "up";
  let release: (() => void) | null = null;
  const checks = new SharedChecks<Answer>({ freshMs: 2_000, backoffFirstMs: 5_000, backoffMaxMs: 30_000 }, (a) => a.state === "down", () => clock);
  const run = () => {
    runs += 1;
    const n = runs;
    const state = next;
    return new Promise<Answer>((resolve) => (release = () => resolve({ state, n })));
  };
  return {
    checks,
    ask: (version = "v1") => checks.get("host", version, run),
    finish: async () => {
      release?.();
      await new Promise((r) => setTimeout(r, 0));
    },
    advance: (ms: number) => (clock += ms),
    set: (s: Answer["state"]) => (next = s),
    get runs() {
      return runs;
    },
  };
}

describe("shared host checks", () => {
  it("200 concurrent callers share one check and all get its answer", async () => {
    const h = harness();
    const asked = Array.from({ length: 200 }, () => h.ask());
    await h.finish();
    const answers = await Promise.all(asked);
    expect(h.runs).toBe(1);
    expect(new Set(answers.map((a) => a.n))).toEqual(new Set([1]));
  });

  it("reuses a fresh answer, and checks again once it is stale", async () => {
    const h = harness();
    const first = h.ask();
    await h.finish();
    await first;
    h.advance(1_999);
    expect((await h.ask()).n).toBe(1);
    h.advance(1);
    const again = h.ask();
    await h.finish();
    expect((await again).n).toBe(2);
    expect(h.runs).toBe(2);
  });

  it("leaves a failed host alone for a growing while, and forgets the backoff once it answers", async () => {
    const h = harness();
    h.set("down");
    const first = h.ask();
    await h.finish();
    expect((await first).state).toBe("down");
    h.advance(4_999); // past fresh, inside the first 5 s backoff
    expect((await h.ask()).n).toBe(1);
    h.advance(1);
    const second = h.ask();
    await h.finish();
    expect((await second).n).toBe(2);
    h.advance(9_999); // the second backoff is 10 s
    expect((await h.ask()).n).toBe(2);
    h.advance(1);
    h.set("up");
    const third = h.ask();
    await h.finish();
    expect((await third).state).toBe("up");
    h.advance(2_000);
    const fourth = h.ask();
    await h.finish();
    expect((await fourth).n).toBe(4);
  });

  it("a new version (edited host, re-pinned key) checks at once, even in backoff", async () => {
    const h = harness();
    h.set("down");
    const first = h.ask("v1");
    await h.finish();
    await first;
    const edited = h.ask("v2");
    await h.finish();
    expect((await edited).n).toBe(2);
  });

  it("a check that throws is not remembered", async () => {
    let calls = 0;
    const checks = new SharedChecks<number>({ freshMs: 2_000, backoffFirstMs: 5_000, backoffMaxMs: 30_000 }, () => false);
    await expect(checks.get("h", "v", () => Promise.reject(new Error(`boom ${++calls}`)))).rejects.toThrow("boom 1");
    expect(await checks.get("h", "v", () => Promise.resolve(++calls))).toBe(2);
  });
});
