import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LiveModel, MAX_AGE_MS, MAX_HOSTS, WATCH_GRACE_MS, type HostRows, type HubStatusMessage } from "@/lib/hosts/live-model";

// The model's rules on a scripted hub and host (the lab proofs are in
// tests/integration/live-model and tests/e2e/live-model): what counts as
// current, a read racing an event, the grace after the last stream, the bound.

function rowsOf(host: string, autostart = false, count = 1): HostRows {
  const rows = Array.from({ length: count }, (_, i) => ({
    uuid: `${host}-${i}`, name: `net${i}`, state: "Active" as const, autostart, persistent: true, bridge: "virbr0", forwarding: "NAT", ipv4: "10.0.0.1/24", ipv6: "", dhcp: "Off", vms: 0,
  }));
  return { host: { id: host, name: host }, rows };
}

function harness() {
  const listeners = new Map<string, (m: HubStatusMessage) => void>();
  const host = { autostart: false, reads: 0, count: 1 };
  let gate: Promise<void> = Promise.resolve();
  const deferred: Array<() => void> = [];
  const model = new LiveModel({
    subscribe: (id, listener) => {
      listeners.set(id, listener);
      return () => listeners.delete(id);
    },
    read: async (id) => {
      host.reads += 1;
      const snapshot = rowsOf(id, host.autostart, host.count);
      await gate;
      return snapshot;
    },
    defer: (work) => void deferred.push(work),
  });
  const send = (id: string, m: HubStatusMessage) => listeners.get(id)?.(m);
  return { model, host, send, deferred, listeners, hold: (p: Promise<void>) => (gate = p) };
}

afterEach(() => vi.useRealTimers());

describe("live host model", () => {
  it("serves a read made while live until an event, a status change or the age bound", async () => {
    const { model, host, send } = harness();
    model.watch("h");
    expect((await model.serve("h")).source).toBe("read"); // not live yet
    send("h", { type: "status", state: "live" });
    await model.serve("h");
    expect(model.isCurrent("h")).toBe(true);
    expect((await model.serve("h")).source).toBe("model");
    send("h", { type: "change" });
    expect(model.isCurrent("h")).toBe(false);
    await model.serve("h");
    send("h", { type: "status", state: "down" });
    expect(model.isCurrent("h")).toBe(false);
    expect(host.reads).toBe(3);
  });

  it("a read an event raced is not current", async () => {
    const { model, send, hold } = harness();
    model.watch("h");
    send("h", { type: "status", state: "live" });
    let finish!: () => void;
    hold(new Promise((r) => (finish = r)));
    const reading = model.serve("h");
    send("h", { type: "change" }); // arrives while the host is being read
    finish();
    await reading;
    expect(model.isCurrent("h")).toBe(false);
  });

  it("revalidates after a served answer and tells listeners when the rows differ", async () => {
    const { model, host, send, deferred } = harness();
    model.watch("h");
    send("h", { type: "status", state: "live" });
    await model.serve("h");
    host.autostart = true; // no event for this
    const served = await model.serve("h");
    expect(served).toMatchObject({ source: "model", revalidating: true });
    expect(served.rows[0]!.autostart).toBe(false);
    const told = vi.fn();
    model.listen("h", told);
    deferred.splice(0).forEach((work) => work());
    const settled = await model.serve("h", { settle: true });
    expect(settled.rows[0]!.autostart).toBe(true);
    expect(told).toHaveBeenCalledTimes(1);
    expect(host.reads).toBe(2);
  });

  it("a change made after a background read began is caught by a read after the next answer", async () => {
    const { model, host, send, deferred, hold } = harness();
    model.watch("h");
    send("h", { type: "status", state: "live" });
    await model.serve("h");
    let finish!: () => void;
    hold(new Promise((r) => (finish = r)));
    await model.serve("h"); // served; its background read starts once the response is out
    deferred.splice(0).forEach((work) => work());
    await vi.waitFor(() => expect(host.reads).toBe(2)); // that read has taken its snapshot
    host.autostart = true; // flipped while that read runs
    const next = await model.serve("h");
    expect(next.revalidating).toBe(true);
    finish();
    deferred.splice(0).forEach((work) => work());
    expect((await model.serve("h", { settle: true })).rows[0]!.autostart).toBe(true);
    expect(host.reads).toBe(3);
  });

  it("stops following a host WATCH_GRACE_MS after its last stream, and ages out", async () => {
    vi.useFakeTimers();
    const { model, send, listeners } = harness();
    const release = model.watch("h");
    send("h", { type: "status", state: "live" });
    await model.serve("h");
    vi.setSystemTime(Date.now() + MAX_AGE_MS + 1);
    expect(model.isCurrent("h")).toBe(false);
    release();
    vi.advanceTimersByTime(WATCH_GRACE_MS + 1);
    expect(listeners.size).toBe(0);
    expect(model.stats()).toMatchObject({ hosts: 0, watched: 0, bytes: 0 });
  });

  it("holds at most MAX_HOSTS hosts, least recently used out first", async () => {
    const { model } = harness();
    for (let i = 0; i <= MAX_HOSTS; i += 1) await model.serve(`h${i}`);
    const stats = model.stats();
    expect(stats.hosts).toBe(MAX_HOSTS);
    expect(stats.bytes).toBeGreaterThan(0);
  });

  it("plans never read the model: lib/changes imports only forgetLiveModel from it", () => {
    const dir = path.resolve(__dirname, "../../../lib/changes");
    const uses = readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"))
      .flatMap((f) => [...readFileSync(path.join(dir, f), "utf8").matchAll(/import\s*\{([^}]*)\}\s*from\s*"@\/lib\/hosts\/live-model[^"]*"/g)].map((m) => m[1]!.trim()));
    expect(uses.length).toBeGreaterThan(0);
    expect(uses.every((names) => names === "forgetLiveModel")).toBe(true);
  });
});
