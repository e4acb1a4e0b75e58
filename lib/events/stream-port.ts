// What the watcher needs from the transport: a long-running remote command
// whose output arrives line by line, and that ends on the host when closed.
// A narrow port, so the watcher is testable without SSH; transport-stream.ts
// plugs lib/ssh's openStream into it.

export interface OpenStream {
  /** Settles when the remote command ends: resolves on a clean end or after close(), rejects on a drop or failure. */
  readonly done: Promise<void>;
  /** Closes the channel; the remote script is hung up and ends its processes. */
  close(): void;
}

export type StreamOpener = (hostId: string, argv: string[], onLine: (line: string) => void) => Promise<OpenStream>;
