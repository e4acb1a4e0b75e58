import "server-only";
import { SshConnection } from "./connection";
import { assertArgv, collect, failureOf, outcomeError, withRemoteTimeout } from "./exec";
import { transportSettings } from "./pool";
import type { CommandResult, RunOptions, SshTarget } from "./types";

// A connection of its own, outside the pool: a new TCP connection, a new key
// exchange judged against the pinned key, a new login. Used to prove a host is
// still reachable the way it was reached after a change that could cut it off;
// the pooled connection may have survived on an old path and proves nothing.

export type FreshRun = (argv: readonly string[], options?: RunOptions) => Promise<CommandResult>;

export type FreshConnectionInfo = { localPort: number | null; connectMs: number };

export async function withFreshConnection<T>(
  target: SshTarget,
  work: (run: FreshRun, info: FreshConnectionInfo) => Promise<T>,
  options: { connectTimeoutMs?: number } = {},
): Promise<T> {
  const settings = transportSettings();
  const started = performance.now();
  const connection = await SshConnection.open(target, { ...settings, connectTimeoutMs: options.connectTimeoutMs ?? settings.connectTimeoutMs });
  const info = { localPort: connection.localPort, connectMs: performance.now() - started };
  const run: FreshRun = async (argv, runOptions = {}) => {
    assertArgv(argv);
    const timeoutMs = runOptions.timeoutMs ?? settings.commandTimeoutMs;
    const begun = performance.now();
    const outcome = await collect(connection, withRemoteTimeout(argv, timeoutMs), {
      stdin: runOptions.stdin,
      clientTimeoutMs: timeoutMs + settings.clientGraceMs,
      maxOutputBytes: runOptions.maxOutputBytes ?? settings.maxOutputBytes,
    });
    const durationMs = performance.now() - begun;
    const error = outcomeError(target, argv, outcome, timeoutMs, durationMs);
    if (error) throw error;
    const result: CommandResult = { argv, code: outcome.code ?? -1, stdout: outcome.stdout, stderr: outcome.stderr, durationMs };
    if (result.code !== 0 && !runOptions.allowFailure) throw failureOf(target, result);
    return result;
  };
  try {
    return await work(run, info);
  } finally {
    connection.end();
  }
}
