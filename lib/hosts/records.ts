import "server-only";
import { asc, eq, or } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { hosts, type HostRow } from "@/lib/db/schema";
import type { HostSummary } from "@/lib/domain/host/status";

// The hosts table, read and written. Rows carry sealed secrets; everything that
// leaves this module for a page goes through toSummary, which drops them.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toSummary(row: HostRow): HostSummary {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    port: row.port,
    username: row.username,
    authKind: row.authKind,
    hostKeyType: row.hostKeyType,
    hostKeyFingerprint: row.hostKeyFingerprint,
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
    lastStatus: row.lastStatus,
  };
}

/** A host by id or by name (ids are UUIDs; a UUID-shaped name is still found by name). */
export async function findHostRow(hostIdOrName: string): Promise<HostRow | null> {
  const db = await getDb();
  const where = UUID.test(hostIdOrName)
    ? or(eq(hosts.id, hostIdOrName), eq(hosts.name, hostIdOrName))
    : eq(hosts.name, hostIdOrName);
  const rows = await db.select().from(hosts).where(where).limit(2);
  return rows.find((r) => r.id === hostIdOrName) ?? rows[0] ?? null;
}

export async function listHostRows(): Promise<HostRow[]> {
  const db = await getDb();
  return db.select().from(hosts).orderBy(asc(hosts.name));
}

export async function isNameTaken(name: string, exceptId?: string): Promise<boolean> {
  const db = await getDb();
  const rows = await db.select({ id: hosts.id }).from(hosts).where(eq(hosts.name, name));
  return rows.some((r) => r.id !== exceptId);
}

/** Remembers what the last check saw; last seen moves only when the host answered. */
export async function recordCheck(hostId: string, state: string, answered: boolean): Promise<Date | null> {
  const db = await getDb();
  const now = new Date();
  const [row] = await db
    .update(hosts)
    .set(answered ? { lastStatus: state, lastSeenAt: now } : { lastStatus: state })
    .where(eq(hosts.id, hostId))
    .returning({ lastSeenAt: hosts.lastSeenAt });
  return row?.lastSeenAt ?? null;
}
