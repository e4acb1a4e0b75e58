import "server-only";
import { createHash } from "node:crypto";
import { SshConnection, hostLabel, NotStarted } from "./connection";
import { Unreachable, type SshError } from "./errors";
import type { SshTarget, TransportSettings, TransportStats } from "./types";

// One connection per host, shared by every caller. A host is keyed by its id;
// when its address, credentials or pinned key change, the old connection is
// retired (closed once its last command ends) and a new one is made.

const DEFAULTS: TransportSettings = {
  connectTimeoutMs: 8_000,
  commandTimeoutMs: 30_000,
  clientGraceMs: 3_000,
  idleCloseMs: 120_000,
  keepaliveIntervalMs: 10_000,
  keepaliveCountMax: 3,
  maxChannels: 8,
  backoffBaseMs: 500,
  backoffMaxMs: 30_000,
  maxOutputBytes: 64 * 1024 * 1024,
};

interface HostEntry {
  version: string;
  target: SshTarget;
  connection: SshConnection | null;
  connecting: Promise<SshConnection> | null;
  users: number;
  idleTimer: NodeJS.Timeout | null;
  failures: number;
  retryAt: number;
  lastError: SshError | null;
  connects: number;
  retired: boolean;
}

// Kept on globalThis so Next's dev-mode module reloads reuse, not leak, connections.
const store = globalThis as typeof globalThis & {
  __switchyardSsh?: { settings: TransportSettings; hosts: Map<string, HostEntry> };
};
const state = (store.__switchyardSsh ??= { settings: { ...DEFAULTS }, hosts: new Map() });

export function configureTransport(changes: Partial<TransportSettings>): Readonly<TransportSettings> {
  state.settings = { ...state.settings, ...changes };
  return state.settings;
}

export function transportSettings(): Readonly<TransportSettings> {
  return state.settings;
}

/** Changes whenever anything that affects the login changes. */
export function credentialsVersion(target: SshTarget): string {
  const { address, port, username, auth, pinnedFingerprint } = target;
  return createHash("sha256").update(JSON.stringify([address, port, username, auth, pinnedFingerprint])).digest("hex");
}

function entryFor(target: SshTarget): HostEntry {
  const version = credentialsVersion(target);
  const existing = state.hosts.get(target.id);
  if (existing && existing.version === version) return existing;
  if (existing) retire(existing);
  const entry: HostEntry = {
    version, target, connection: null, connecting: null, users: 0, idleTimer: null,
    failures: 0, retryAt: 0, lastError: null, connects: 0, retired: false,
  };
  state.hosts.set(target.id, entry);
  return entry;
}

function connect(entry: HostEntry): Promise<SshConnection> {
  if (entry.connection?.isOpen) return Promise.resolve(entry.connection);
  if (entry.connecting) return entry.connecting; // one login for many concurrent callers
  // Backoff: between failed attempts, fail fast with the last error instead of
  // hammering a dead or refusing host.
  if (entry.lastError && Date.now() < entry.retryAt) return Promise.reject(entry.lastError);
  const attempt = SshConnection.open(entry.target, state.settings).then(
    (connection) => {
      Object.assign(entry, { connection, failures: 0, retryAt: 0, lastError: null });
      entry.connects += 1;
      connection.onClose(() => {
        if (entry.connection === connection) entry.connection = null;
      });
      if (entry.retired) connection.end();
      return connection;
    },
    (error: SshError) => {
      entry.failures += 1;
      const delay = Math.min(state.settings.backoffMaxMs, state.settings.backoffBaseMs * 2 ** (entry.failures - 1));
      Object.assign(entry, { lastError: error, retryAt: Date.now() + delay });
      throw error;
    },
  );
  entry.connecting = attempt.finally(() => {
    entry.connecting = null;
  });
  return entry.connecting;
}

export interface Lease {
  connection: SshConnection;
  release(): void;
}

/** A connection held open (no idle close) until release(). */
export async function leaseConnection(target: SshTarget): Promise<Lease> {
  const entry = entryFor(target);
  entry.users += 1;
  clearIdle(entry);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    entry.users -= 1;
    if (entry.users === 0) scheduleIdle(entry);
  };
  try {
    return { connection: await connect(entry), release };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Runs fn on the host's connection. If the connection dies before fn's command
 * started (NotStarted), fn is retried on a fresh connection: nothing ran yet.
 */
export async function withConnection<T>(target: SshTarget, fn: (connection: SshConnection) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const lease = await leaseConnection(target);
    try {
      return await fn(lease.connection);
    } catch (error) {
      if (!(error instanceof NotStarted)) throw error;
      if (attempt >= 3) throw new Unreachable(hostLabel(target), "the connection kept closing before the command could start");
    } finally {
      lease.release();
    }
  }
}

function scheduleIdle(entry: HostEntry): void {
  clearIdle(entry);
  if (entry.retired) {
    entry.connection?.end();
    return;
  }
  entry.idleTimer = setTimeout(() => {
    entry.idleTimer = null;
    if (entry.users === 0) entry.connection?.end();
  }, state.settings.idleCloseMs);
  entry.idleTimer.unref(); // an idle connection must not keep a script alive
}

function clearIdle(entry: HostEntry): void {
  if (entry.idleTimer) clearTimeout(entry.idleTimer);
  entry.idleTimer = null;
}

function retire(entry: HostEntry): void {
  entry.retired = true;
  clearIdle(entry);
  if (entry.users === 0) entry.connection?.end();
}

/** Drops a host: its connection, its backoff state. Commands in flight fail. */
export function closeHost(id: string): void {
  const entry = state.hosts.get(id);
  if (!entry) return;
  state.hosts.delete(id);
  retire(entry);
  entry.connection?.end();
}

/** Closes every connection (shutdown, end of a test file or a script). */
export function closeAllConnections(): void {
  for (const id of [...state.hosts.keys()]) closeHost(id);
}

export function transportStats(id: string): TransportStats | null {
  const entry = state.hosts.get(id);
  if (!entry) return null;
  const connection = entry.connection?.isOpen ? entry.connection : null;
  return {
    connected: connection !== null,
    openChannels: connection?.openChannels ?? 0,
    queuedCommands: connection?.queued ?? 0,
    peakChannels: connection?.peakChannels ?? 0,
    connects: entry.connects,
    consecutiveFailures: entry.failures,
    localPort: connection?.localPort ?? null,
  };
}
