import "server-only";
import { operatorForToken } from "@/lib/auth/sessions";
import type { EventHub, HubMessage } from "./hub";
import { sseMessage, sseStream } from "./sse";
import { SSE_EVENTS, type LiveChange, type LiveEnd, type LiveStatus } from "./types";

export interface LiveStreamRequest {
  /** The hub, or a wrapper of its subscribe (lib/hosts/live-model-server.ts's withLiveModel). */
  hub: Pick<EventHub, "subscribe">;
  hosts: ReadonlyArray<{ id: string; name: string }>;
  signal: AbortSignal;
  /** The session the stream was authorised with; re-checked while it runs. */
  sessionToken: string | undefined;
  sessionCheckMs?: number;
  /** Called once when the stream ends, however it ends. */
  onClose?: () => void;
}

function toSse(message: HubMessage, hostName: string): string {
  if (message.type === "change") {
    const data: LiveChange = { ...message.change, hostName };
    return sseMessage(SSE_EVENTS.change, data);
  }
  const data: LiveStatus = { ...message.status, hostName };
  return sseMessage(SSE_EVENTS.status, data);
}

/**
 * The SSE body for one browser: subscribes to each host for as long as the
 * request lasts. A stream can stay open for hours, so the session is checked
 * again every minute (server-side, no browser traffic): signing out or an
 * expired session ends it with "end", which tells the browser not to reconnect.
 */
export function liveStream({ hub, hosts, signal, sessionToken, sessionCheckMs = 60_000, onClose }: LiveStreamRequest): ReadableStream<Uint8Array> {
  return sseStream({
    signal,
    onClose,
    start(send, end) {
      const unsubscribes = hosts.map((host) => hub.subscribe(host.id, (message) => send(toSse(message, host.name))));
      const sessionCheck = setInterval(() => {
        operatorForToken(sessionToken).then(
          (operator) => {
            if (operator) return;
            const data: LiveEnd = { reason: "signed-out" };
            send(sseMessage(SSE_EVENTS.end, data));
            end();
          },
          () => {}, // a store hiccup is not a sign-out; check again next time
        );
      }, sessionCheckMs);
      return () => {
        clearInterval(sessionCheck);
        for (const unsubscribe of unsubscribes) unsubscribe();
      };
    },
  });
}
