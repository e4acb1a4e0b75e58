// One check per host at a time, shared by everyone who asks: a page of 200
// viewers polling one host must not become 200 SSH logins. Three rules:
// - while a check runs, every caller waits for that same check (single flight);
// - an answer younger than `freshMs` is handed out again without asking the host;
// - after a failed answer (the host did not let us in) the host is left alone
//   for a growing while, and callers get that failed answer meanwhile.
// A check is tied to a version (the host's address, credentials and pinned key):
// editing or re-pinning a host starts afresh.

export interface SharedCheckPolicy {
  freshMs: number;
  backoffFirstMs: number;
  backoffMaxMs: number;
}

/** The host status's policy (lib/hosts/status.ts); tests wait out `freshMs` after changing a host behind the app's back. */
export const HOST_STATUS_POLICY: SharedCheckPolicy = { freshMs: 2_000, backoffFirstMs: 5_000, backoffMaxMs: 30_000 };

type Entry<T> = {
  version: string;
  inflight: Promise<T> | null;
  answer: { value: T; at: number } | null;
  failures: number;
  retryAt: number;
};

export class SharedChecks<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly policy: SharedCheckPolicy,
    /** Whether an answer means the host refused or did not answer (and so earns a backoff). */
    private readonly isFailure: (value: T) => boolean,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, version: string, run: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (!entry || entry.version !== version) {
      entry = { version, inflight: null, answer: null, failures: 0, retryAt: 0 };
      this.entries.set(key, entry);
    }
    if (entry.inflight) return entry.inflight;
    const t = this.now();
    if (entry.answer && (t - entry.answer.at < this.policy.freshMs || t < entry.retryAt)) return Promise.resolve(entry.answer.value);
    const current = entry;
    const flight = run().then((value) => {
      const at = this.now();
      current.answer = { value, at };
      if (this.isFailure(value)) {
        current.failures += 1;
        current.retryAt = at + Math.min(this.policy.backoffMaxMs, this.policy.backoffFirstMs * 2 ** (current.failures - 1));
      } else {
        current.failures = 0;
        current.retryAt = 0;
      }
      return value;
    });
    current.inflight = flight;
    // A thrown check (store down, a bug) is not remembered: the next caller tries again.
    void flight.then(
      () => (current.inflight = null),
      () => (current.inflight = null),
    );
    return flight;
  }

  /** Until when the host is left alone (0 when it is not in backoff). */
  backoffUntil(key: string): number {
    return this.entries.get(key)?.retryAt ?? 0;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}
