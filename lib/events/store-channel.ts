import "server-only";
import type { Client, Notification } from "pg";
import { retryDelayMs } from "./backoff";

// One dedicated PostgreSQL connection per server process for live events: it
// LISTENs for the other servers' relayed events and holds this server's host
// leases (session advisory locks, see lease.ts). Dedicated, not from the pool:
// both LISTEN and session locks belong to one connection, and a pool would hand
// that connection to other queries and back at will. Behind a pooler this needs
// session pooling (pgbouncer's transaction mode breaks LISTEN and session locks).
//
// When the connection is lost, PostgreSQL has released every lock it held, so
// `lost` tells the watchers to stop their host loops at once: another server may
// already be taking them over. The channel then reconnects with backoff.

export const LIVE_CHANNEL = "switchyard_live";

export interface StoreChannel {
  readonly up: boolean;
  /** pg_try_advisory_lock on this connection; false when held elsewhere or the channel is down. */
  tryLock(key: bigint): Promise<boolean>;
  unlock(key: bigint): Promise<void>;
  /** NOTIFY on the live channel (every server's channel hears it, this one included). */
  publish(payload: string): Promise<void>;
  onMessage(listener: (payload: string) => void): () => void;
  /** Called when the connection drops (every lock is gone) and when it is back. */
  onState(listener: (up: boolean) => void): () => void;
  close(): Promise<void>;
}

const HEALTH_EVERY_MS = 5_000;
const QUERY_TIMEOUT_MS = 4_000;

export function openStoreChannel(url: string): StoreChannel {
  let client: Client | null = null;
  let up = false;
  let closed = false;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | null = null;
  const messages = new Set<(payload: string) => void>();
  const states = new Set<(up: boolean) => void>();

  const setUp = (next: boolean) => {
    if (up === next) return;
    up = next;
    for (const listener of [...states]) listener(next);
  };

  const drop = (current: Client, why: unknown) => {
    if (client !== current) return;
    client = null;
    current.removeAllListeners("notification");
    current.end().catch(() => {});
    if (up) console.error("live events: lost the store's event connection:", why instanceof Error ? why.message : why);
    setUp(false);
    if (!closed && !retry) {
      retry = setTimeout(connect, retryDelayMs(failures++, { firstMs: 500, maxMs: 10_000 }));
      retry.unref?.();
    }
  };

  async function connect() {
    retry = null;
    if (closed) return;
    const { Client: PgClient } = await import("pg");
    const current = new PgClient({ connectionString: url, keepAlive: true, application_name: "switchyard-events", query_timeout: QUERY_TIMEOUT_MS });
    client = current;
    current.on("error", (error) => drop(current, error));
    current.on("end", () => drop(current, "connection ended"));
    current.on("notification", (note: Notification) => {
      if (note.channel !== LIVE_CHANNEL || note.payload === undefined) return;
      for (const listener of [...messages]) listener(note.payload);
    });
    try {
      await current.connect();
      await current.query(`LISTEN ${LIVE_CHANNEL}`);
      if (client !== current || closed) return void current.end().catch(() => {});
      failures = 0;
      setUp(true);
    } catch (error) {
      drop(current, error);
    }
  }

  // A connection that hangs without closing would keep the locks on the server's
  // side while we could no longer hear anything: a cheap probe notices.
  const health = setInterval(() => {
    const current = client;
    if (!current || !up) return;
    current.query("select 1").catch((error: unknown) => drop(current, error));
  }, HEALTH_EVERY_MS);
  health.unref?.();

  void connect();

  return {
    get up() {
      return up;
    },
    async tryLock(key) {
      const current = client;
      if (!current || !up) return false;
      try {
        const result = await current.query<{ got: boolean }>("select pg_try_advisory_lock($1::bigint) as got", [key.toString()]);
        return client === current && result.rows[0]?.got === true;
      } catch (error) {
        drop(current, error);
        return false;
      }
    },
    async unlock(key) {
      const current = client;
      if (!current || !up) return;
      await current.query("select pg_advisory_unlock($1::bigint)", [key.toString()]).catch((error: unknown) => drop(current, error));
    },
    async publish(payload) {
      const current = client;
      if (!current || !up) return;
      await current.query("select pg_notify($1, $2)", [LIVE_CHANNEL, payload]).catch((error: unknown) => drop(current, error));
    },
    onMessage(listener) {
      messages.add(listener);
      return () => messages.delete(listener);
    },
    onState(listener) {
      states.add(listener);
      return () => states.delete(listener);
    },
    async close() {
      closed = true;
      clearInterval(health);
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      setUp(false);
      await current?.end().catch(() => {});
    },
  };
}
