import "server-only";

// A FIFO counting semaphore for the channels of one connection. OpenSSH refuses
// more than MaxSessions (10) channels per connection; we stay under it and make
// the rest wait in arrival order instead of failing.

export class ChannelSlots {
  private inUse = 0;
  private peak = 0;
  private readonly waiting: Array<{ grant: () => void; refuse: (error: Error) => void }> = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit must be a positive integer");
  }

  get active(): number {
    return this.inUse;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Highest number of slots ever held at once. */
  get highWater(): number {
    return this.peak;
  }

  /** Resolves with a release function once a slot is free. Release is idempotent. */
  acquire(): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        this.inUse += 1;
        this.peak = Math.max(this.peak, this.inUse);
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.inUse -= 1;
          this.waiting.shift()?.grant();
        });
      };
      if (this.inUse < this.limit) grant();
      else this.waiting.push({ grant, refuse: reject });
    });
  }

  /** Rejects everyone still waiting (the connection is gone; nothing of theirs started). */
  refuseWaiting(error: Error): void {
    for (const waiter of this.waiting.splice(0)) waiter.refuse(error);
  }
}
