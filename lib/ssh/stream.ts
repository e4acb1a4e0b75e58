import "server-only";
import { StringDecoder } from "node:string_decoder";
import { hostLabel, NotStarted, type OpenChannel } from "./connection";
import { CommandFailed, Unreachable } from "./errors";
import { assertArgv, failureOf } from "./exec";
import { leaseConnection } from "./pool";
import type { SshTarget } from "./types";

// Long-running commands (`virsh net-event --loop`) whose output arrives line by
// line. They run on a pty: when we close the channel, or the connection dies,
// sshd closes the pty and the kernel hangs up the remote process (SIGHUP), so
// no virsh is left waiting for its next event on the host. The pty also makes
// virsh line-buffer its output, so each event arrives as it happens.

export interface StreamOptions {
  /** Called for each complete line (stdout and stderr merged by the pty, no line ending). */
  onLine(line: string): void;
}

export interface StreamHandle {
  /**
   * Settles when the stream ends: resolves after close() or a clean exit;
   * rejects with a typed error if the connection drops (Unreachable) or the
   * command fails (its classifier's reading, e.g. libvirtd went away).
   */
  readonly done: Promise<void>;
  /** Closes the channel; the remote process is hung up. Idempotent. */
  close(): void;
}

const TAIL_BYTES = 8 * 1024;

/** Starts argv on a pty channel and resolves once it is running. Takes one channel slot while open. */
export async function openStream(target: SshTarget, argv: readonly string[], options: StreamOptions): Promise<StreamHandle> {
  assertArgv(argv);
  const decoder = new StringDecoder("utf8");
  let pending = "";
  let tail = "";
  const onChunk = (chunk: Buffer) => {
    const text = decoder.write(chunk);
    tail = (tail + text).slice(-TAIL_BYTES);
    const lines = (pending + text).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) options.onLine(line.replace(/\r$/, ""));
  };

  for (let attempt = 1; ; attempt += 1) {
    const lease = await leaseConnection(target);
    let channel: OpenChannel;
    try {
      channel = await lease.connection.openChannel(argv, { pty: true, onStdout: onChunk, onStderr: onChunk });
    } catch (error) {
      lease.release();
      if (error instanceof NotStarted && attempt < 3) continue;
      if (error instanceof NotStarted) throw new Unreachable(hostLabel(target), "the connection closed before the stream started");
      throw error;
    }
    let closedByUs = false;
    const done = channel.finished.then((end) => {
      lease.release();
      if (pending) options.onLine(pending.replace(/\r$/, ""));
      if (closedByUs || end.code === 0) return;
      if (end.lost) throw new Unreachable(hostLabel(target), "the connection dropped during the stream");
      if (end.code === null) throw new CommandFailed(hostLabel(target), argv, null, tail);
      throw failureOf(target, { argv, code: end.code, stderr: tail });
    });
    done.catch(() => {}); // callers may not await done; the rejection must not go unhandled
    return {
      done,
      close: () => {
        if (closedByUs) return;
        closedByUs = true;
        channel.close();
      },
    };
  }
}
