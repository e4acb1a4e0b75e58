// Live-event streams hold a request open for hours, each with timers and hub
// subscriptions: a client opening them in a loop would pin the server. Each
// stream takes a slot for its session and for its address; past either cap the
// request is refused with 429 and a message, and the slot is given back the
// moment the stream closes (browser gone, sign-out, server end).

export interface StreamSlotLimits {
  perSession: number;
  perAddress: number;
  total: number;
}

/** A browser needs one stream per open page; eight tabs of one session is already a lot. */
export const STREAM_SLOT_LIMITS: StreamSlotLimits = { perSession: 8, perAddress: 32, total: 512 };

export type SlotGrant = { ok: true; release: () => void } | { ok: false; message: string };

export class StreamSlots {
  private readonly bySession = new Map<string, number>();
  private readonly byAddress = new Map<string, number>();
  private open = 0;

  constructor(private readonly limits: StreamSlotLimits = STREAM_SLOT_LIMITS) {}

  acquire(session: string, address: string): SlotGrant {
    if ((this.bySession.get(session) ?? 0) >= this.limits.perSession) {
      return { ok: false, message: `This session already has ${this.limits.perSession} live-update streams open; close other Switchyard tabs and reload.` };
    }
    if ((this.byAddress.get(address) ?? 0) >= this.limits.perAddress) {
      return { ok: false, message: `Your address already has ${this.limits.perAddress} live-update streams open; close some Switchyard tabs and reload.` };
    }
    if (this.open >= this.limits.total) {
      return { ok: false, message: "The server has as many live-update streams open as it serves; reload in a minute." };
    }
    bump(this.bySession, session, 1);
    bump(this.byAddress, address, 1);
    this.open += 1;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        bump(this.bySession, session, -1);
        bump(this.byAddress, address, -1);
        this.open -= 1;
      },
    };
  }

  counts(session: string, address: string): { session: number; address: number; total: number } {
    return { session: this.bySession.get(session) ?? 0, address: this.byAddress.get(address) ?? 0, total: this.open };
  }
}

function bump(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next <= 0) counts.delete(key);
  else counts.set(key, next);
}

const slot = Symbol.for("switchyard.streamSlots");
const holder = globalThis as { [slot]?: StreamSlots };

/** The process-wide slots (on globalThis: Next may load this module once per route bundle). */
export const streamSlots = (): StreamSlots => (holder[slot] ??= new StreamSlots());
