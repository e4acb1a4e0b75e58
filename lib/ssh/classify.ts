import "server-only";
import type { SshError } from "./errors";

// The transport runs programs; it does not know what their failures mean. A
// program's own adapter (lib/libvirt for virsh) registers a classifier that
// reads a failed or timed-out command of its own into a typed error, and the
// transport asks it before falling back to CommandFailed / Timeout.

export type FailedCommand = { host: string; username: string; argv: readonly string[]; code: number | null; stderr: string };

export interface FailureClassifier {
  /** True for the commands this classifier reads (e.g. argv that virshArgv built). */
  owns(argv: readonly string[]): boolean;
  /** The typed error for a command of its own that exited non-zero. */
  failed(command: FailedCommand): SshError;
  /** The typed error for a command of its own that the host's `timeout` ended. */
  timedOut(host: string, argv: readonly string[], stderr: string): SshError;
}

const classifiers: FailureClassifier[] = [];

/** Called once, at module level, by the adapter that builds the commands it classifies. */
export function registerFailureClassifier(classifier: FailureClassifier): void {
  if (!classifiers.includes(classifier)) classifiers.push(classifier);
}

export function classifierFor(argv: readonly string[]): FailureClassifier | undefined {
  return classifiers.find((c) => c.owns(argv));
}
