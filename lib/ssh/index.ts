import "server-only";

// The SSH transport's public face. Everything that reaches a host goes through
// these functions; ssh2 itself never leaves lib/ssh.

export type { SshTarget, SshAuth, CommandResult, RunOptions, TransportSettings, TransportStats, HostKeyInfo } from "./types";
export {
  SshError,
  Unreachable,
  AuthFailed,
  HostKeyUnknown,
  HostKeyChanged,
  CommandFailed,
  Timeout,
  isSshError,
  describeSshError,
  type SshErrorKind,
  type TransportErrorKind,
} from "./errors";
export { registerFailureClassifier, type FailureClassifier, type FailedCommand } from "./classify";
export { quoteArg, quoteArgv } from "./quote";
export { INTERFACE_NAME, isInterfaceName, assertInterfaceName } from "./argv";
export { fingerprintOf, sameFingerprint } from "./fingerprint";
export { runCommand, failureOf } from "./exec";
export { withFreshConnection, type FreshRun, type FreshConnectionInfo } from "./fresh";
export { runBatch, runScript, defineRemoteScript, type BatchResult, type ScriptResult, type RemoteScript } from "./batch";
export type { Section } from "./framing";
export { openStream, type StreamHandle, type StreamOptions } from "./stream";
export { fetchHostKey } from "./host-key";
export { configureTransport, transportSettings, transportStats, closeHost, closeAllConnections, credentialsVersion } from "./pool";
