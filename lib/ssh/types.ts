import "server-only";

// The public shapes of the transport. Plain data only: ssh2's types stay inside
// lib/ssh so callers (and their tests) never depend on them.

export type SshAuth =
  | { kind: "key"; privateKey: string; passphrase?: string }
  | { kind: "password"; password: string };

/** Everything needed to reach one host. */
export interface SshTarget {
  /** Stable host id; one connection is kept per id (and per credentials). */
  id: string;
  address: string;
  port: number;
  username: string;
  auth: SshAuth;
  /** OpenSSH `SHA256:…` fingerprint of the trusted host key; null = not trusted yet. */
  pinnedFingerprint: string | null;
}

export interface CommandResult {
  argv: readonly string[];
  /** Exit code of the remote program (0 unless allowFailure was set). */
  code: number;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface RunOptions {
  /** Bytes for the program's stdin (documents: `virsh net-define /dev/stdin`). */
  stdin?: string | Buffer;
  /** Remote `timeout` limit; the client waits a little longer for the remote to report. */
  timeoutMs?: number;
  /** Return non-zero exits as results instead of throwing typed errors. */
  allowFailure?: boolean;
  /** stdout + stderr beyond this are an error (protects the server's memory). */
  maxOutputBytes?: number;
}

export interface TransportSettings {
  /** TCP connect + key exchange + login. */
  connectTimeoutMs: number;
  /** Default per-command limit. */
  commandTimeoutMs: number;
  /** Extra time the client waits beyond the remote `timeout` before giving up itself. */
  clientGraceMs: number;
  /** Close a connection with no channel for this long. */
  idleCloseMs: number;
  keepaliveIntervalMs: number;
  keepaliveCountMax: number;
  /** Channels per connection; OpenSSH's MaxSessions defaults to 10. */
  maxChannels: number;
  /** After a failed connect, new attempts wait base·2ⁿ (capped); calls in between fail fast. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  maxOutputBytes: number;
}

export interface HostKeyInfo {
  keyType: string;
  fingerprint: string;
}

/** What the pool knows about one host, for diagnostics and tests. */
export interface TransportStats {
  connected: boolean;
  openChannels: number;
  queuedCommands: number;
  /** Most channels ever open at once on the current connection. */
  peakChannels: number;
  /** Successful connects since the host was first used (a reconnect adds one). */
  connects: number;
  consecutiveFailures: number;
  /** Local TCP port of the current connection (to find it in the host's logs). */
  localPort: number | null;
}
