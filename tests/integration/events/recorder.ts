import type { EventHub, HubMessage } from "@/lib/events";

// Subscribes to one host and keeps every message with the time it arrived, so
// tests can wait for "the next change after now" or for a status.

export type Received = HubMessage & { at: number };

export function record(hub: EventHub, hostId: string) {
  const messages: Received[] = [];
  const waiters = new Set<() => void>();
  // A message answers at most one wait, so two waits never return the same change.
  const consumed = new WeakSet<Received>();
  const unsubscribe = hub.subscribe(hostId, (message) => {
    messages.push({ ...message, at: Date.now() });
    for (const wake of waiters) wake();
  });

  function waitFor(match: (m: Received) => boolean, timeoutMs: number, what: string): Promise<Received> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = messages.find((m) => !consumed.has(m) && match(m));
        if (!found) return;
        consumed.add(found);
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no ${what} within ${timeoutMs} ms; got ${JSON.stringify(messages.slice(-5))}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  }

  const changesSince = (since: number) => messages.filter((m) => m.type === "change" && m.at >= since);
  /** The next change after `since`; with a reason, the next change of that reason (other tests' leftovers are skipped). */
  const nextChange = (since: number, timeoutMs = 3000, reason?: string) =>
    waitFor((m) => m.type === "change" && m.at >= since && (!reason || m.change.reason === reason), timeoutMs, `${reason ?? ""} change`);
  const live = (since = 0, timeoutMs = 15_000) =>
    waitFor((m) => m.type === "status" && m.status.state === "live" && m.at >= since, timeoutMs, "live status");

  /** Resolves once no change has arrived for `quietMs` (earlier tests' cleanup events have passed). */
  async function quiet(quietMs = 500): Promise<void> {
    const startedAt = Date.now();
    for (;;) {
      const last = Math.max(startedAt, messages.filter((m) => m.type === "change").at(-1)?.at ?? 0);
      const wait = last + quietMs - Date.now();
      if (wait <= 0) return;
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  return { messages, changesSince, nextChange, live, quiet, unsubscribe };
}
