// Server-sent events framing, and a ReadableStream that lives exactly as long
// as the browser's request: it ends (and unsubscribes everything) on abort, on
// cancel, or when the caller decides the session is no longer valid.

const encoder = new TextEncoder();

/** One SSE message. JSON never contains a raw newline, so `data:` is one line. */
export function sseMessage(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment line: ignored by EventSource, but it keeps proxies and idle timers from closing the stream. */
export const sseComment = (text: string): string => `: ${text}\n\n`;

export interface SseStreamOptions {
  signal: AbortSignal;
  /** Wires up the sources; returns their cleanup. `send` is safe to call after close. */
  start(send: (chunk: string) => void, end: () => void): () => void;
  heartbeatMs?: number;
  /** Reconnect delay the browser should use (the `retry:` field). */
  retryMs?: number;
  /** Called once when the stream ends, however it ends (gives back its slot). */
  onClose?: () => void;
}

export function sseStream({ signal, start, heartbeatMs = 15_000, retryMs = 2_000, onClose }: SseStreamOptions): ReadableStream<Uint8Array> {
  let cleanup: (() => void) | null = null;
  let closeNotified = false;
  const runCleanup = () => {
    const fn = cleanup;
    cleanup = null;
    fn?.();
    if (!closeNotified) {
      closeNotified = true;
      onClose?.();
    }
  };
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let closed = false;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const finish = () => {
        if (closed) return;
        closed = true;
        if (heartbeat) clearInterval(heartbeat);
        signal.removeEventListener("abort", finish);
        runCleanup();
        try {
          controller.close();
        } catch {
          // already closed by the runtime
        }
      };
      const send = (chunk: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          finish();
        }
      };
      if (signal.aborted) return finish();
      signal.addEventListener("abort", finish);
      send(`retry: ${retryMs}\n${sseComment("switchyard live events")}`);
      heartbeat = setInterval(() => send(sseComment("heartbeat")), heartbeatMs);
      cleanup = start(send, finish);
      // `start` may have ended the stream before returning its cleanup.
      if (closed) runCleanup();
    },
    cancel() {
      closed = true;
      if (heartbeat) clearInterval(heartbeat);
      runCleanup();
    },
  });
}

export const SSE_HEADERS: HeadersInit = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: keeps compression (Next's and any proxy's) from buffering the stream.
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
};
