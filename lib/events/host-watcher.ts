import { retryDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from "./backoff";
import { coalesce } from "./coalesce";
import { classifyLine } from "./event-lines";
import { eventScriptArgv } from "./remote-script";
import type { OpenStream, StreamOpener } from "./stream-port";
import type { ChangeReason, HostLiveStatus, LiveState } from "./types";

export interface WatcherSink {
  change(reason: ChangeReason): void;
  status(status: HostLiveStatus): void;
}

export interface WatcherOptions {
  open: StreamOpener;
  backoff?: BackoffPolicy;
  quietMs?: number;
  maxWaitMs?: number;
  /** Owner tag for the remote processes (see remote-script.ts); defaults to host name and pid. */
  owner?: string;
}

/** How long a stream must have been live for its next drop to count as a fresh start. */
const STABLE_MS = 10_000;

/**
 * The event subscription of one host: keeps the remote event script running,
 * turns its lines into debounced change notifications, and re-opens it with
 * backoff whenever it ends (SSH drop, libvirtd restart, host down). Each time
 * it goes live it emits one "resync": events were lost while it was down, and
 * before a first subscription is live the page already read the host, so a
 * change in between would otherwise never show.
 */
export class HostWatcher {
  private stream: OpenStream | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = true;
  private failures = 0;
  private liveSince = 0;
  private current: HostLiveStatus;
  private readonly pending;
  /** Bumped on every attempt so callbacks of an older stream are ignored. */
  private generation = 0;

  constructor(readonly hostId: string, private readonly sink: WatcherSink, private readonly options: WatcherOptions) {
    this.current = { hostId, state: "connecting" };
    this.pending = coalesce((reason) => this.sink.change(reason), options);
  }

  get status(): HostLiveStatus {
    return this.current;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.generation += 1;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.pending.cancel();
    this.stream?.close();
    this.stream = null;
  }

  private setState(state: LiveState, message?: string) {
    this.current = message ? { hostId: this.hostId, state, message } : { hostId: this.hostId, state };
    this.sink.status(this.current);
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    const mine = () => generation === this.generation && !this.stopped;
    this.setState("connecting");
    // The pty merges stderr into the lines; the last untagged line says why a
    // stream ended on its own (e.g. virsh's "failed to connect to the hypervisor").
    let lastNoise: string | undefined;
    const onLine = (line: string) => {
      if (!mine()) return;
      const parsed = classifyLine(line);
      if (parsed.kind === "ready") this.becameLive();
      else if (parsed.kind === "change") this.pending.push(parsed.reason);
      else if (line.trim()) lastNoise = line.trim().slice(0, 300);
    };
    try {
      const stream = await this.options.open(this.hostId, eventScriptArgv(this.options.owner), onLine);
      if (!mine()) return stream.close();
      this.stream = stream;
      stream.done.then(
        () => mine() && this.retry(lastNoise ?? "the event stream ended"),
        (error: unknown) => mine() && this.retry(lastNoise ?? messageOf(error)),
      );
    } catch (error) {
      if (mine()) this.retry(messageOf(error));
    }
  }

  private becameLive() {
    this.liveSince = Date.now();
    this.setState("live");
    // Whatever happened before the loops were registered is unknown: read once.
    this.pending.push("resync");
  }

  private retry(message: string) {
    if (this.stopped || this.retryTimer) return;
    this.generation += 1;
    this.pending.cancel();
    // A stream that had been working for a while gets a quick first retry; one
    // that dies right after coming up (a crash-looping libvirtd) keeps backing off.
    if (this.liveSince && Date.now() - this.liveSince > STABLE_MS) this.failures = 0;
    this.liveSince = 0;
    this.setState("down", message);
    const delay = retryDelayMs(this.failures, this.options.backoff ?? DEFAULT_BACKOFF);
    this.failures += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) void this.connect();
    }, delay);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
