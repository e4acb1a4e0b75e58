import "server-only";

// Failures of the host service itself (not of SSH), for callers such as the
// networks pages that use getHostTarget and want one message to show.

export type HostLookupProblem = "host-not-found" | "secret-unreadable";

export class HostLookupError extends Error {
  constructor(
    readonly code: HostLookupProblem,
    message: string,
  ) {
    super(message);
    this.name = "HostLookupError";
  }
}

export const isHostLookupError = (value: unknown): value is HostLookupError => value instanceof HostLookupError;
