import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HostWatcher } from "@/lib/events/host-watcher";
import { READY_LINE } from "@/lib/events/event-lines";
import type { StreamOpener } from "@/lib/events/stream-port";
import type { ChangeReason, LiveState } from "@/lib/events/types";

// A scripted transport: each open() gives the test a handle to feed lines and end the stream.
function fakeTransport() {
  const streams: Array<{ argv: string[]; line: (l: string) => void; end: (error?: Error) => void; closed: boolean }> = [];
  const open: StreamOpener = async (_host, argv, onLine) => {
    let settle!: { resolve: () => void; reject: (e: Error) => void };
    const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    const s = { argv, line: onLine, end: (e?: Error) => (e ? settle.reject(e) : settle.resolve()), closed: false };
    streams.push(s);
    return { done, close: () => { s.closed = true; settle.resolve(); } };
  };
  return { streams, open };
}

describe("HostWatcher", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const t = fakeTransport();
    const changes: ChangeReason[] = [];
    const states: LiveState[] = [];
    const w = new HostWatcher("h1", { change: (r) => changes.push(r), status: (s) => states.push(s.state) }, {
      open: t.open, quietMs: 100, maxWaitMs: 400, backoff: { firstMs: 250, maxMs: 2000 },
    });
    return { t, w, changes, states };
  }

  it("runs the fixed script, goes live on ready, and debounces events into one change", async () => {
    const { t, w, changes, states } = setup();
    w.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.streams[0]!.argv.slice(0, 2)).toEqual(["sh", "-c"]);
    t.streams[0]!.line(READY_LINE);
    expect(states).toEqual(["connecting", "live"]);
    // Going live reads the host once: the page read it before the loops were registered.
    await vi.advanceTimersByTimeAsync(100);
    expect(changes).toEqual(["resync"]);
    changes.length = 0;
    t.streams[0]!.line("net event 'lifecycle' for network a: Defined");
    t.streams[0]!.line("net event 'lifecycle' for network a: Started");
    await vi.advanceTimersByTimeAsync(100);
    expect(changes).toEqual(["network"]);
  });

  it("reconnects after a drop and emits exactly one resync once live again", async () => {
    const { t, w, changes, states } = setup();
    w.start();
    await vi.advanceTimersByTimeAsync(0);
    t.streams[0]!.line(READY_LINE);
    t.streams[0]!.end(new Error("the connection dropped during the stream"));
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toBe("down");
    await vi.advanceTimersByTimeAsync(400);
    expect(t.streams).toHaveLength(2);
    t.streams[1]!.line(READY_LINE);
    await vi.advanceTimersByTimeAsync(200);
    expect(changes).toEqual(["resync"]);
    expect(states.slice(-2)).toEqual(["connecting", "live"]);
  });

  it("backs off while opening fails, and stop() closes the stream and ends retries", async () => {
    const t = fakeTransport();
    let fail = true;
    const attempts: number[] = [];
    const open: StreamOpener = (h, a, l) => {
      attempts.push(Date.now());
      return fail ? Promise.reject(new Error("unreachable")) : t.open(h, a, l);
    };
    const w = new HostWatcher("h1", { change: () => {}, status: () => {} }, { open, backoff: { firstMs: 100, maxMs: 10_000 } });
    w.start();
    await vi.advanceTimersByTimeAsync(2000);
    const gaps = attempts.slice(1).map((at, i) => at - attempts[i]!);
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    expect(gaps[2]!).toBeGreaterThan(gaps[0]!);
    fail = false;
    await vi.advanceTimersByTimeAsync(10_000);
    const s = t.streams.at(-1)!;
    w.stop();
    expect(s.closed).toBe(true);
    const before = attempts.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempts.length).toBe(before);
  });

  it("keeps backing off when a stream dies right after coming up, and retries quickly after a long-lived one", async () => {
    const { t, w } = setup();
    const untilNextOpen = async () => {
      const before = t.streams.length;
      let waited = 0;
      while (t.streams.length === before) {
        await vi.advanceTimersByTimeAsync(10);
        waited += 10;
      }
      return waited;
    };
    w.start();
    await vi.advanceTimersByTimeAsync(0);
    const gaps: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      t.streams.at(-1)!.line(READY_LINE);
      t.streams.at(-1)!.end(new Error("libvirtd went away"));
      gaps.push(await untilNextOpen());
    }
    // 250, 500, 1000 ms (±20 %): a crash loop is not retried at full speed.
    expect(gaps[2]!).toBeGreaterThan(gaps[0]! * 2);
    t.streams.at(-1)!.line(READY_LINE);
    await vi.advanceTimersByTimeAsync(11_000);
    t.streams.at(-1)!.end(new Error("dropped"));
    expect(await untilNextOpen()).toBeLessThanOrEqual(310);
  });
});
