import { describe, expect, it } from "vitest";
import { sseStream } from "@/lib/events/sse";
import { StreamSlots } from "@/lib/events/stream-slots";

// Live-event streams take a slot per session and per address, and give it back
// exactly once when the stream ends, however it ends.

describe("stream slots", () => {
  it("refuses past the per-session cap with a message, and frees the slot on release", () => {
    const slots = new StreamSlots({ perSession: 2, perAddress: 10, total: 100 });
    const a = slots.acquire("s1", "10.0.0.1");
    const b = slots.acquire("s1", "10.0.0.1");
    const c = slots.acquire("s1", "10.0.0.1");
    expect([a.ok, b.ok, c.ok]).toEqual([true, true, false]);
    expect(!c.ok && c.message).toMatch(/This session already has 2 live-update streams open/);
    expect(slots.acquire("s2", "10.0.0.1").ok).toBe(true);
    if (a.ok) {
      a.release();
      a.release(); // twice is once
    }
    expect(slots.counts("s1", "10.0.0.1")).toEqual({ session: 1, address: 2, total: 2 });
    expect(slots.acquire("s1", "10.0.0.1").ok).toBe(true);
  });

  it("refuses past the per-address cap whatever the session, and past the total", () => {
    const slots = new StreamSlots({ perSession: 5, perAddress: 3, total: 4 });
    for (const s of ["a", "b", "c"]) expect(slots.acquire(s, "10.0.0.1").ok).toBe(true);
    const refused = slots.acquire("d", "10.0.0.1");
    expect(!refused.ok && refused.message).toMatch(/Your address already has 3/);
    expect(slots.acquire("d", "10.0.0.2").ok).toBe(true);
    const full = slots.acquire("e", "10.0.0.3");
    expect(!full.ok && full.message).toMatch(/as many live-update streams open as it serves/);
  });
});

describe("sseStream onClose", () => {
  const drain = async (stream: ReadableStream<Uint8Array>) => {
    const reader = stream.getReader();
    while (!(await reader.read()).done);
  };

  it("runs once when the browser goes away (abort)", async () => {
    let closes = 0;
    const abort = new AbortController();
    const stream = sseStream({ signal: abort.signal, start: () => () => {}, onClose: () => (closes += 1) });
    const reading = drain(stream);
    abort.abort();
    await reading;
    expect(closes).toBe(1);
  });

  it("runs once when the server ends the stream, and when the reader cancels", async () => {
    let closes = 0;
    await drain(sseStream({ signal: new AbortController().signal, start: (_s, end) => (setTimeout(end, 5), () => {}), onClose: () => (closes += 1) }));
    expect(closes).toBe(1);
    const cancelled = sseStream({ signal: new AbortController().signal, start: () => () => {}, onClose: () => (closes += 1) });
    await cancelled.cancel();
    expect(closes).toBe(2);
  });

  it("runs once for a request aborted before the stream started, and once when start ends it at once", async () => {
    let closes = 0;
    const aborted = AbortSignal.abort();
    await drain(sseStream({ signal: aborted, start: () => () => {}, onClose: () => (closes += 1) }));
    expect(closes).toBe(1);
    await drain(sseStream({ signal: new AbortController().signal, start: (_s, end) => (end(), () => {}), onClose: () => (closes += 1) }));
    expect(closes).toBe(2);
  });
});
