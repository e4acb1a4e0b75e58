import "server-only";
import { classifierFor } from "./classify";
import { hostLabel, type OpenChannel, type SshConnection } from "./connection";
import { CommandFailed, Timeout, Unreachable, type SshError } from "./errors";
import { transportSettings, withConnection } from "./pool";
import { quoteArgv } from "./quote";
import type { CommandResult, RunOptions, SshTarget } from "./types";

// Running one argv on a host. Two clocks guard every command: coreutils
// `timeout` on the host (so the process dies even if we vanish) and a timer here
// a little later (so we return even if the host or the network hangs).

// sshd passes the command to `$SHELL -c`, one execve argument: Linux caps a
// single argument at 128 KiB. Larger data belongs on stdin.
const MAX_COMMAND_BYTES = 120_000;

interface RawOutcome {
  code: number | null;
  lost: boolean;
  clientTimedOut: boolean;
  overflow: boolean;
  stdout: string;
  stderr: string;
}

/** `timeout -k 2 <seconds> argv…`: SIGTERM at the limit, SIGKILL two seconds later. */
export function withRemoteTimeout(argv: readonly string[], timeoutMs: number): string[] {
  const seconds = Math.max(0.1, timeoutMs / 1000);
  return ["timeout", "-k", "2", String(Number(seconds.toFixed(3))), ...argv];
}

/** Low level: one channel, collect output, enforce the client clock. Throws only NotStarted/transport errors. */
export async function collect(
  connection: SshConnection,
  argv: readonly string[],
  options: { stdin?: string | Buffer; clientTimeoutMs: number; maxOutputBytes: number },
): Promise<RawOutcome> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let bytes = 0;
  let overflow = false;
  let clientTimedOut = false;
  const keep = (into: Buffer[]) => (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > options.maxOutputBytes) {
      if (!overflow) channel?.close();
      overflow = true;
      return;
    }
    into.push(chunk);
  };
  let channel: OpenChannel | undefined = undefined;
  channel = await connection.openChannel(argv, { stdin: options.stdin, onStdout: keep(out), onStderr: keep(err) });
  const open = channel;
  const timer = setTimeout(() => {
    clientTimedOut = true;
    open.close();
  }, options.clientTimeoutMs);
  const end = await open.finished.finally(() => clearTimeout(timer));
  return {
    code: end.code,
    lost: end.lost && !clientTimedOut && !overflow,
    clientTimedOut,
    overflow,
    stdout: Buffer.concat(out).toString("utf8"),
    stderr: Buffer.concat(err).toString("utf8"),
  };
}

/**
 * Runs argv on the host and resolves with its output. A non-zero exit throws a
 * typed error (read by the program's registered classifier, see classify.ts;
 * else CommandFailed) unless `allowFailure` is set. There is deliberately no variant that takes
 * a command string.
 */
export async function runCommand(target: SshTarget, argv: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
  assertArgv(argv);
  const settings = transportSettings();
  const timeoutMs = options.timeoutMs ?? settings.commandTimeoutMs;
  const remote = withRemoteTimeout(argv, timeoutMs);
  const started = performance.now();
  const outcome = await withConnection(target, (connection) =>
    collect(connection, remote, {
      stdin: options.stdin,
      clientTimeoutMs: timeoutMs + settings.clientGraceMs,
      maxOutputBytes: options.maxOutputBytes ?? settings.maxOutputBytes,
    }),
  );
  const durationMs = performance.now() - started;
  const error = outcomeError(target, argv, outcome, timeoutMs, durationMs);
  if (error) throw error;
  const result: CommandResult = { argv, code: outcome.code ?? -1, stdout: outcome.stdout, stderr: outcome.stderr, durationMs };
  if (result.code !== 0 && !options.allowFailure) throw failureOf(target, result);
  return result;
}

/** Errors that no caller can accept as a result: the command did not run to an exit. */
export function outcomeError(
  target: SshTarget,
  argv: readonly string[],
  outcome: RawOutcome,
  timeoutMs: number,
  durationMs: number,
): SshError | null {
  const host = hostLabel(target);
  if (outcome.clientTimedOut) return new Timeout(host, argv, timeoutMs);
  if (outcome.overflow) return new CommandFailed(host, argv, null, "the output was larger than the configured limit");
  if (outcome.lost) return new Unreachable(host, "the connection dropped before the command finished");
  // `timeout` exits 124 after SIGTERM, 137 when it had to SIGKILL.
  const remoteTimedOut = (outcome.code === 124 || outcome.code === 137) && durationMs >= timeoutMs * 0.95;
  if (remoteTimedOut) return classifierFor(argv)?.timedOut(host, argv, outcome.stderr) ?? new Timeout(host, argv, timeoutMs, true);
  if (outcome.code === null) return new CommandFailed(host, argv, null, outcome.stderr);
  return null;
}

/** The typed error for a finished command that exited non-zero. */
export function failureOf(target: SshTarget, result: Pick<CommandResult, "argv" | "code" | "stderr">): SshError {
  const host = hostLabel(target);
  const classifier = classifierFor(result.argv);
  if (classifier) return classifier.failed({ host, username: target.username, argv: result.argv, code: result.code, stderr: result.stderr });
  return new CommandFailed(host, result.argv, result.code, result.stderr);
}

export function assertArgv(argv: readonly string[]): void {
  if (!Array.isArray(argv) || argv.length === 0 || !argv.every((a) => typeof a === "string")) {
    throw new TypeError("argv must be a non-empty array of strings");
  }
  const size = Buffer.byteLength(quoteArgv(argv));
  if (size > MAX_COMMAND_BYTES) throw new TypeError(`command line of ${size} bytes is too long; send large data on stdin`);
}
