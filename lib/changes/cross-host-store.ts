import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { crossHostPendingRemovals, crossHostSegments } from "@/lib/db/schema";
import type { CrossHostSegment, PendingRemoval } from "@/lib/domain/cross-host";

// The site's cross-host segments, as the store keeps them: written only after
// every host applied a plan (apply-cross-host.ts), so the list says what the
// hosts were told, and delete/add-host know the peers without asking anyone.

export async function listSegments(): Promise<CrossHostSegment[]> {
  const db = await getDb();
  const rows = await db.select().from(crossHostSegments).orderBy(crossHostSegments.name);
  return rows.map((r) => r.spec as CrossHostSegment);
}

export async function findSegment(name: string): Promise<CrossHostSegment | null> {
  const db = await getDb();
  const [row] = await db.select().from(crossHostSegments).where(eq(crossHostSegments.name, name));
  return row ? (row.spec as CrossHostSegment) : null;
}

/** Inserts or replaces the segment by name. */
export async function saveSegment(segment: CrossHostSegment): Promise<void> {
  const db = await getDb();
  await db
    .insert(crossHostSegments)
    .values({ name: segment.name, vni: segment.vni, spec: segment })
    .onConflictDoUpdate({ target: crossHostSegments.name, set: { vni: segment.vni, spec: segment, updatedAt: new Date() } });
}

export async function deleteSegment(name: string, pending: PendingRemoval[]): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.delete(crossHostSegments).where(eq(crossHostSegments.name, name));
    if (pending.length) await tx.insert(crossHostPendingRemovals).values(pending.map((p) => ({ hostId: p.hostId, segmentName: name, commands: p.commands })));
  });
}

export type PendingRow = { id: string; hostId: string; segmentName: string; commands: string[][] };

export async function listPending(hostId?: string): Promise<PendingRow[]> {
  const db = await getDb();
  const query = db.select().from(crossHostPendingRemovals);
  const rows = hostId ? await query.where(eq(crossHostPendingRemovals.hostId, hostId)) : await query;
  return rows.map((r) => ({ id: r.id, hostId: r.hostId, segmentName: r.segmentName, commands: r.commands as string[][] }));
}

export async function dropPending(id: string): Promise<void> {
  const db = await getDb();
  await db.delete(crossHostPendingRemovals).where(eq(crossHostPendingRemovals.id, id));
}
