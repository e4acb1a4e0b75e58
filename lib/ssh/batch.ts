import "server-only";
import { randomBytes } from "node:crypto";
import { classifierFor } from "./classify";
import { hostLabel } from "./connection";
import { Timeout } from "./errors";
import { assertArgv, collect, failureOf, outcomeError, withRemoteTimeout } from "./exec";
import { parseSections, type Section } from "./framing";
import { transportSettings, withConnection } from "./pool";
import type { RunOptions, SshTarget } from "./types";
import type { SshError } from "./errors";

// Several commands in one round trip. The script text is always a constant of
// our code; everything that varies (names, UUIDs) is a positional argument of
// `sh -c SCRIPT NAME NONCE args…`, so it is data to the shell, never code.

// Defines `sy_section LABEL CMD…` (run CMD between markers, see framing.ts)
// for the script body.
const PRELUDE = String.raw`sy_nonce=$1; shift; sy_n=0
sy_section() {
  sy_label=$1; shift; sy_n=$((sy_n + 1))
  printf '\n%s begin %s %s\n' "$sy_nonce" "$sy_n" "$sy_label"
  printf '\n%s begin %s %s\n' "$sy_nonce" "$sy_n" "$sy_label" >&2
  "$@"; sy_code=$?
  printf '\n%s end %s %s\n' "$sy_nonce" "$sy_n" "$sy_code"
  printf '\n%s end %s %s\n' "$sy_nonce" "$sy_n" "$sy_code" >&2
  return 0
}
`;

const SCRIPT_NAME = /^[a-z][a-z0-9-]{0,40}$/;

export interface RemoteScript {
  readonly name: string;
  readonly source: string;
}

/**
 * Declares a remote script. Call it at module level with a literal body: the
 * body is code and must never contain caller data (pass that as args, "$1"…).
 * Sections labels should be single-line (UUIDs, fixed words).
 */
export function defineRemoteScript(name: string, body: string): RemoteScript {
  if (!SCRIPT_NAME.test(name)) throw new TypeError(`bad script name ${JSON.stringify(name)}`);
  if (body.includes("\0")) throw new TypeError("script bodies cannot contain NUL");
  return Object.freeze({ name, source: PRELUDE + body });
}

export interface ScriptResult {
  /** Exit code of the whole script. */
  code: number;
  sections: Section[];
  durationMs: number;
}

type ScriptOptions = Pick<RunOptions, "stdin" | "timeoutMs" | "maxOutputBytes">;

async function execScript(target: SshTarget, script: RemoteScript, args: readonly string[], options: ScriptOptions) {
  const settings = transportSettings();
  const timeoutMs = options.timeoutMs ?? settings.commandTimeoutMs;
  const nonce = randomBytes(16).toString("hex");
  const argv = scriptArgv(script, nonce, args);
  assertArgv(argv);
  const started = performance.now();
  const outcome = await withConnection(target, (connection) =>
    collect(connection, withRemoteTimeout(argv, timeoutMs), {
      stdin: options.stdin,
      clientTimeoutMs: timeoutMs + settings.clientGraceMs,
      maxOutputBytes: options.maxOutputBytes ?? settings.maxOutputBytes,
    }),
  );
  const durationMs = performance.now() - started;
  const sections = parseSections(outcome.stdout, outcome.stderr, nonce);
  return { outcome, sections, durationMs, timeoutMs };
}

/**
 * Runs a declared script in one exec and returns its sections. Sections that
 * fail come back with their exit code; only transport failures and timeouts
 * throw.
 */
export async function runScript(
  target: SshTarget,
  script: RemoteScript,
  args: readonly string[],
  options: ScriptOptions = {},
): Promise<ScriptResult> {
  const { outcome, sections, durationMs, timeoutMs } = await execScript(target, script, args, options);
  const error = outcomeError(target, [script.name], outcome, timeoutMs, durationMs);
  if (error) throw error;
  return { code: outcome.code ?? -1, sections, durationMs };
}

// The generic batch: args are groups of `count argv…`. eval only ever sees
// text built here from digits (`"${7}"`), which expands a positional argument
// as one word; the arguments' own bytes never pass through eval.
export const BATCH_SCRIPT = defineRemoteScript(
  "switchyard-batch",
  String.raw`i=1
while [ "$i" -le "$#" ]; do
  eval "sy_count=\${$i}"
  sy_refs=""; j=1
  while [ "$j" -le "$sy_count" ]; do sy_refs="$sy_refs \"\${$((i + j))}\""; j=$((j + 1)); done
  eval "sy_section cmd $sy_refs"
  i=$((i + sy_count + 1))
done
`,
);

/** BATCH_SCRIPT's arguments: each command as its length, then its words. */
export function batchArgs(commands: ReadonlyArray<readonly string[]>): string[] {
  return commands.flatMap((argv) => [String(argv.length), ...argv]);
}

/** The argv that runs a script: `sh -c SOURCE NAME NONCE args…` (exported for tests). */
export function scriptArgv(script: RemoteScript, nonce: string, args: readonly string[]): string[] {
  return ["sh", "-c", script.source, script.name, nonce, ...args];
}

export interface BatchResult {
  argv: readonly string[];
  /** Exit code; null when the command never finished. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** The typed error for a non-zero exit (read by the program's classifier, as for runCommand), else null. */
  error: SshError | null;
}

/**
 * Runs several argv in one exec, in order, and returns one result per command.
 * A failing command does not stop the others. If the batch runs out of time,
 * the command that was running names the error (its classifier's reading, e.g.
 * a hung libvirtd for virsh).
 */
export async function runBatch(
  target: SshTarget,
  commands: ReadonlyArray<readonly string[]>,
  options: Pick<RunOptions, "timeoutMs" | "maxOutputBytes"> = {},
): Promise<BatchResult[]> {
  if (commands.length === 0) return [];
  commands.forEach(assertArgv);
  const { outcome, sections, durationMs, timeoutMs } = await execScript(target, BATCH_SCRIPT, batchArgs(commands), options);
  const error = outcomeError(target, ["switchyard-batch"], outcome, timeoutMs, durationMs);
  if (error instanceof Timeout) {
    // The first section without an exit code is the one that hung.
    const hung = commands[sections.findIndex((s) => s.code === null)] ?? commands[sections.length] ?? commands[0]!;
    throw classifierFor(hung)?.timedOut(hostLabel(target), hung, "") ?? new Timeout(hostLabel(target), hung, timeoutMs, error.remote);
  }
  if (error) throw error;
  return commands.map((argv, i) => {
    const section = sections[i];
    const code = section?.code ?? null;
    const stderr = section?.stderr ?? "";
    const failure = code === 0 ? null : failureOf(target, { argv, code: code ?? -1, stderr });
    return { argv, code, stdout: section?.stdout ?? "", stderr, error: failure };
  });
}
