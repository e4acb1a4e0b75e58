import "server-only";

// Every failure a caller can act on, as a class per case. Messages are one line,
// written for an operator reading a status cell, not for a developer. The `kind`
// strings are stable: server actions forward them to the browser as codes.

/** The transport's own failures; a program's adapter adds kinds of its own (lib/libvirt: "libvirt-unavailable", "permission-denied"). */
export type TransportErrorKind = "unreachable" | "auth-failed" | "host-key-unknown" | "host-key-changed" | "command-failed" | "timeout";
export type SshErrorKind = TransportErrorKind | (string & {});

export abstract class SshError extends Error {
  abstract readonly kind: SshErrorKind;
  /** `address:port` of the host, for messages and logs. */
  readonly host: string;

  protected constructor(host: string, message: string) {
    super(message);
    this.host = host;
    this.name = new.target.name;
  }
}

export class Unreachable extends SshError {
  readonly kind = "unreachable";
  constructor(host: string, readonly detail: string) {
    super(host, `${host} is unreachable: ${detail}`);
  }
}

export class AuthFailed extends SshError {
  readonly kind = "auth-failed";
  constructor(host: string, readonly username: string, readonly detail = "the credentials were rejected") {
    super(host, `${host} did not accept the login of ${username}: ${detail}`);
  }
}

export class HostKeyUnknown extends SshError {
  readonly kind = "host-key-unknown";
  constructor(host: string, readonly keyType: string, readonly fingerprint: string) {
    super(host, `${host} offers an untrusted ${keyType} host key ${fingerprint}; confirm it before connecting`);
  }
}

export class HostKeyChanged extends SshError {
  readonly kind = "host-key-changed";
  constructor(host: string, readonly expected: string, readonly actual: string, readonly keyType: string) {
    super(host, `${host} host key changed: expected ${expected}, got ${actual}; nothing was sent to it`);
  }
}

export class CommandFailed extends SshError {
  readonly kind = "command-failed";
  /** Exit code, or null when the remote process died from a signal. */
  constructor(host: string, readonly argv: readonly string[], readonly code: number | null, readonly stderr: string) {
    const what = argv.slice(0, 4).join(" ");
    const why = firstLine(stderr) || (code === null ? "killed by a signal" : `exit code ${code}`);
    super(host, `\`${what}\` failed on ${host}: ${why}`);
  }
}

export class Timeout extends SshError {
  readonly kind = "timeout";
  /** remote: the host's `timeout` ended the command (the connection was fine); else our own clock ran out. */
  constructor(host: string, readonly argv: readonly string[], readonly timeoutMs: number, readonly remote = false) {
    super(host, `\`${argv.slice(0, 4).join(" ")}\` on ${host} did not finish within ${seconds(timeoutMs)}`);
  }
}

export function isSshError(value: unknown): value is SshError {
  return value instanceof SshError;
}

/** A plain, serialisable view of an error for server actions and logs. */
export function describeSshError(error: SshError): { kind: SshErrorKind; message: string } {
  return { kind: error.kind, message: error.message };
}

function firstLine(text: string): string {
  // Programs (virsh among them) often print a generic line first; the most
  // specific line is usually the last non-empty one.
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  const line = lines.at(-1) ?? "";
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
