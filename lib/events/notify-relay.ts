import { z } from "zod";
import type { ChangeReason, HostLiveStatus } from "./types";

// What servers tell each other over NOTIFY (store-channel.ts), one JSON object
// per notification, far below PostgreSQL's 8000-byte payload limit:
// - change / status: the lease holder's watcher saw a change or a status change;
// - ask: a server that just got listeners for a host wants the holder's status;
// - released: the holder stopped watching (no listeners left): take the lease now.
// `from` is the sending server, so a server ignores its own notifications.

const status = z.object({ hostId: z.string(), state: z.enum(["connecting", "live", "down"]), message: z.string().max(300).optional() });

const relayed = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("change"), from: z.string(), hostId: z.string(), reason: z.enum(["network", "domain", "resync"]) }),
  z.object({ kind: z.literal("status"), from: z.string(), hostId: z.string(), status }),
  z.object({ kind: z.literal("ask"), from: z.string(), hostId: z.string() }),
  z.object({ kind: z.literal("released"), from: z.string(), hostId: z.string() }),
]);

export type Relayed = z.infer<typeof relayed>;

export const relayChange = (from: string, hostId: string, reason: ChangeReason): string => JSON.stringify({ kind: "change", from, hostId, reason });

export const relayStatus = (from: string, s: HostLiveStatus): string =>
  JSON.stringify({ kind: "status", from, hostId: s.hostId, status: s.message ? { ...s, message: s.message.slice(0, 300) } : s });

export const relayAsk = (from: string, hostId: string): string => JSON.stringify({ kind: "ask", from, hostId });

export const relayReleased = (from: string, hostId: string): string => JSON.stringify({ kind: "released", from, hostId });

/** The message, or null for anything that is not one of ours (another app may NOTIFY on the database). */
export function parseRelayed(payload: string): Relayed | null {
  try {
    const parsed = relayed.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
