import "server-only";
import net from "node:net";
import { Client, type ClientChannel, type ConnectConfig } from "ssh2";
import { AuthFailed, CommandFailed, HostKeyChanged, HostKeyUnknown, Unreachable, type SshError } from "./errors";
import { fingerprintOf, keyTypeOf, sameFingerprint } from "./fingerprint";
import { quoteArgv } from "./quote";
import { ChannelSlots } from "./slots";
import type { SshTarget, TransportSettings } from "./types";

// One ssh2 Client and the channels on it. The pool decides when to open and
// close these; this file makes sure that whatever ssh2 does, every failure
// becomes a typed error and every channel slot is given back exactly once.

type ConnectionSettings = Pick<
  TransportSettings,
  "connectTimeoutMs" | "keepaliveIntervalMs" | "keepaliveCountMax" | "maxChannels"
>;

/** The command never started on the host, so running it on a new connection is safe. */
export class NotStarted extends Error {}

export interface ChannelIo {
  stdin?: string | Buffer;
  /** Allocate a pty: closing the channel then hangs up the remote process (SIGHUP). */
  pty?: boolean;
  onStdout(chunk: Buffer): void;
  onStderr(chunk: Buffer): void;
}

export interface ChannelEnd {
  code: number | null;
  signal: string | null;
  /** No exit status arrived: the connection went away under the command. */
  lost: boolean;
}

export interface OpenChannel {
  /** Resolves when the channel is closed (never rejects). */
  readonly finished: Promise<ChannelEnd>;
  close(): void;
}

export const hostLabel = (target: Pick<SshTarget, "address" | "port">) => `${target.address}:${target.port}`;

export class SshConnection {
  private readonly slots: ChannelSlots;
  private closed = false;
  private readonly closeListeners: Array<() => void> = [];

  private constructor(
    private readonly client: Client,
    readonly target: SshTarget,
    readonly localPort: number | null,
    maxChannels: number,
  ) {
    this.slots = new ChannelSlots(maxChannels);
  }

  /** `onTcpConnected` reports the local port as soon as TCP is up (tests use it to find this login in sshd's log). */
  static open(
    target: SshTarget,
    settings: ConnectionSettings,
    observer: { onTcpConnected?(localPort: number): void } = {},
  ): Promise<SshConnection> {
    const host = hostLabel(target);
    return new Promise((resolve, reject) => {
      const client = new Client();
      let verdict: SshError | null = null;
      let connection: SshConnection | null = null;
      let settled = false;
      const fail = (error: SshError) => {
        if (settled) return;
        settled = true;
        client.end();
        sock.destroy();
        reject(error);
      };

      // Decided during key exchange, before the client sends any credential:
      // returning false makes ssh2 disconnect right there.
      const hostVerifier = (key: Buffer): boolean => {
        const fingerprint = fingerprintOf(key);
        const keyType = keyTypeOf(key);
        if (target.pinnedFingerprint === null) verdict = new HostKeyUnknown(host, keyType, fingerprint);
        else if (!sameFingerprint(target.pinnedFingerprint, fingerprint))
          verdict = new HostKeyChanged(host, target.pinnedFingerprint, fingerprint, keyType);
        return verdict === null;
      };

      // Persistent: ssh2 emits 'error' for socket, protocol and keepalive
      // failures at any time; an unlistened 'error' would crash the process.
      client.on("error", (err: Error & { level?: string }) => {
        if (!settled) fail(verdict ?? connectError(err, target, settings.connectTimeoutMs));
        else connection?.markClosed();
      });
      client.on("close", () => {
        if (!settled) fail(verdict ?? new Unreachable(host, "the connection closed during login"));
        connection?.markClosed();
      });
      client.on("ready", () => {
        if (settled) return;
        settled = true;
        connection = new SshConnection(client, target, sock.localPort ?? null, settings.maxChannels);
        resolve(connection);
      });

      const sock = net.connect({ host: target.address, port: target.port });
      sock.setNoDelay(true); // small request/response packets: Nagle only adds latency
      sock.on("error", () => {}); // ssh2 reports it through the client
      sock.once("connect", () => observer.onTcpConnected?.(sock.localPort ?? 0));

      const config: ConnectConfig = {
        sock,
        username: target.username,
        readyTimeout: settings.connectTimeoutMs,
        keepaliveInterval: settings.keepaliveIntervalMs,
        keepaliveCountMax: settings.keepaliveCountMax,
        hostVerifier,
        // Exactly the configured method: no 'none' probe, no agent, no keyboard-interactive.
        authHandler: [target.auth.kind === "key" ? "publickey" : "password"],
        ...(target.auth.kind === "key"
          ? { privateKey: target.auth.privateKey, passphrase: target.auth.passphrase }
          : { password: target.auth.password }),
      };
      try {
        client.connect(config);
      } catch (err) {
        // ssh2 parses the private key synchronously.
        fail(new AuthFailed(host, target.username, `the private key could not be used (${(err as Error).message})`));
      }
    });
  }

  get isOpen(): boolean {
    return !this.closed;
  }
  get openChannels(): number {
    return this.slots.active;
  }
  get queued(): number {
    return this.slots.queued;
  }
  get peakChannels(): number {
    return this.slots.highWater;
  }

  onClose(listener: () => void): void {
    if (this.closed) listener();
    else this.closeListeners.push(listener);
  }

  /** Ends the connection. Channels still open see `lost`. */
  end(): void {
    this.client.end();
    this.markClosed();
  }

  /**
   * Runs argv (quoted, prefixed with `exec`) on a channel, after waiting for a
   * free slot. Throws NotStarted when the connection is gone before the exec.
   */
  async openChannel(argv: readonly string[], io: ChannelIo): Promise<OpenChannel> {
    const command = `exec ${quoteArgv(argv)}`;
    if (this.closed) throw new NotStarted("connection closed");
    const release = await this.slots.acquire();
    if (this.closed) {
      release();
      throw new NotStarted("connection closed");
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await new Promise<OpenChannel>((resolve, reject) => {
          const options = io.pty ? { pty: { term: "dumb", modes: { ECHO: 0 as const, ONLCR: 0 as const } } } : {};
          // Listeners go on inside the callback, synchronously: ssh2 may parse the
          // exec reply, exit-status and close from one TCP read in one go, and an
          // 'exit' emitted before we listen would be lost.
          this.client.exec(command, options, (err, ch) => (err ? reject(err) : resolve(this.watch(ch, io, release))));
        });
      } catch (err) {
        // sshd frees a session only when it garbage-collects the closed channel,
        // which can be after it reads our next open: under load it briefly says
        // "no more sessions" although we hold at most 8. Nothing ran; try again.
        const refused = /Channel open failure/i.test((err as Error).message);
        if (refused && !this.closed && attempt < 8) {
          await new Promise((resolve) => setTimeout(resolve, Math.min(400, 20 * 2 ** attempt)));
          continue;
        }
        release();
        if (this.closed) throw new NotStarted("connection closed");
        throw new CommandFailed(hostLabel(this.target), argv, null, `could not open a channel: ${(err as Error).message}`);
      }
    }
  }

  private watch(channel: ClientChannel, io: ChannelIo, release: () => void): OpenChannel {
    let code: number | null = null;
    let signal: string | null = null;
    let exited = false;
    // Persistent listeners: a channel error must never become an uncaught exception.
    channel.on("error", () => {});
    channel.stderr.on("error", () => {});
    channel.on("data", (chunk: Buffer) => io.onStdout(chunk));
    channel.stderr.on("data", (chunk: Buffer) => io.onStderr(chunk));
    channel.on("exit", (exitCode: number | null, exitSignal?: string) => {
      exited = true;
      code = typeof exitCode === "number" ? exitCode : null;
      signal = exitSignal ?? null;
    });
    const finished = new Promise<ChannelEnd>((resolve) => {
      channel.once("close", () => {
        release();
        resolve({ code, signal, lost: !exited });
      });
    });
    // A pty must not see EOF (sshd would treat it as a terminal hangup of input);
    // every other command gets its stdin and then EOF, so nothing waits on input.
    if (!io.pty) channel.end(io.stdin ?? "");
    return {
      finished,
      close: () => {
        // Ask for a hangup first (OpenSSH ≥ 7.9 delivers it); closing alone
        // leaves a pipe-only process running until its next write.
        try {
          channel.signal("HUP");
        } catch {
          /* the channel may already be gone */
        }
        channel.close();
      },
    };
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    // After any error the connection is suspect: make sure it is really gone.
    this.client.end();
    this.slots.refuseWaiting(new NotStarted("connection closed"));
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}

function connectError(err: Error & { level?: string; code?: string }, target: SshTarget, timeoutMs: number): SshError {
  const host = hostLabel(target);
  if (err.level === "client-authentication") return new AuthFailed(host, target.username);
  if (err.level === "client-timeout") return new Unreachable(host, `no answer within ${timeoutMs / 1000} s`);
  if (/Connection lost before handshake/i.test(err.message)) return new Unreachable(host, "the connection closed before the SSH handshake");
  switch (err.code) {
    case "ECONNREFUSED":
      return new Unreachable(host, "connection refused");
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return new Unreachable(host, "no route to host");
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new Unreachable(host, "the address does not resolve");
    case "ECONNRESET":
      return new Unreachable(host, "the connection was reset");
    default:
      return new Unreachable(host, err.message);
  }
}
