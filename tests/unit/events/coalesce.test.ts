import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { coalesce } from "@/lib/events/coalesce";
import { retryDelayMs } from "@/lib/events/backoff";

describe("coalesce", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("turns a burst into one notification after a quiet period", () => {
    const flushed: string[] = [];
    const c = coalesce((r) => flushed.push(r), { quietMs: 100, maxWaitMs: 1000 });
    c.push("network");
    vi.advanceTimersByTime(50);
    c.push("domain");
    vi.advanceTimersByTime(99);
    expect(flushed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(flushed).toEqual(["network"]);
  });

  it("never waits longer than maxWait under a steady trickle", () => {
    const flushed: number[] = [];
    const c = coalesce(() => flushed.push(Date.now()), { quietMs: 100, maxWaitMs: 300 });
    const start = Date.now();
    for (let i = 0; i < 10; i += 1) {
      c.push("domain");
      vi.advanceTimersByTime(60);
    }
    expect(flushed[0]! - start).toBe(300);
  });

  it("lets a resync win over the events in the same burst, and cancel drops the burst", () => {
    const flushed: string[] = [];
    const c = coalesce((r) => flushed.push(r), { quietMs: 10 });
    c.push("network");
    c.push("resync");
    c.push("domain");
    vi.advanceTimersByTime(10);
    c.push("network");
    c.cancel();
    vi.advanceTimersByTime(1000);
    expect(flushed).toEqual(["resync"]);
  });
});

describe("retryDelayMs", () => {
  it("starts quick, doubles, and is capped", () => {
    const mid = () => 0.5;
    expect(retryDelayMs(0, { firstMs: 250, maxMs: 15_000 }, mid)).toBe(250);
    expect(retryDelayMs(3, { firstMs: 250, maxMs: 15_000 }, mid)).toBe(2000);
    expect(retryDelayMs(50, { firstMs: 250, maxMs: 15_000 }, () => 1)).toBe(18_000);
    expect(retryDelayMs(50, { firstMs: 250, maxMs: 15_000 }, () => 0)).toBe(12_000);
  });
});
