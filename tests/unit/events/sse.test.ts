import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sseComment, sseMessage, sseStream } from "@/lib/events/sse";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("SSE framing", () => {
  it("writes one event per message with single-line JSON data", () => {
    expect(sseMessage("change", { hostId: "a\nb", reason: "network" })).toBe('event: change\ndata: {"hostId":"a\\nb","reason":"network"}\n\n');
    expect(sseComment("heartbeat")).toBe(": heartbeat\n\n");
  });
});

describe("sseStream", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends retry, messages and heartbeats, and cleans up once on abort", async () => {
    const abort = new AbortController();
    const cleanup = vi.fn();
    let send!: (chunk: string) => void;
    const stream = sseStream({ signal: abort.signal, heartbeatMs: 1000, start: (s) => ((send = s), cleanup) });
    const text = readAll(stream);
    send(sseMessage("status", { state: "live" }));
    await vi.advanceTimersByTimeAsync(2500);
    abort.abort();
    send("after the end is ignored");
    const body = await text;
    expect(body.startsWith("retry: 2000\n")).toBe(true);
    expect(body).toContain('event: status\ndata: {"state":"live"}');
    expect(body.match(/: heartbeat/g)).toHaveLength(2);
    expect(body).not.toContain("after the end");
    expect(cleanup).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(cleanup).toHaveBeenCalledTimes(1);
  });

  it("ends when the source says so, and on a request already aborted", async () => {
    const cleanup = vi.fn();
    const stream = sseStream({ signal: new AbortController().signal, start: (_s, end) => (setTimeout(end, 10), cleanup) });
    const text = readAll(stream);
    await vi.advanceTimersByTimeAsync(20);
    await text;
    expect(cleanup).toHaveBeenCalledTimes(1);

    const aborted = AbortSignal.abort();
    const never = vi.fn(() => cleanup);
    await readAll(sseStream({ signal: aborted, start: never }));
    expect(never).not.toHaveBeenCalled();
  });

  it("cleans up when the reader cancels", async () => {
    const cleanup = vi.fn();
    const stream = sseStream({ signal: new AbortController().signal, start: () => cleanup });
    await stream.cancel();
    expect(cleanup).toHaveBeenCalledTimes(1);
  });
});
