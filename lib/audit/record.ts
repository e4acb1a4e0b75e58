import "server-only";
import { getDb } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import type { Operator } from "@/lib/auth/roles";

export type AuditResult = "ok" | "failed" | "rolled-back" | "partial" | "reverted";

export type AuditEntry = {
  /** Who did it; a string for the system itself (e.g. "system" at first start). */
  actor: Pick<Operator, "id" | "username"> | string;
  hostId?: string | null;
  hostName?: string | null;
  /** Stable dotted name, e.g. "network.start", "user.set-role". */
  action: string;
  /** What it was done to, e.g. a network's name or a username. */
  target: string;
  /** Each command's argv exactly as run; [] when nothing ran on a host. Never put secrets here. */
  commands: string[][];
  xml?: string | null;
  result: AuditResult;
  /** libvirt's message on failure, or a short note. */
  detail?: string | null;
};

/** Appends one record to the audit log. Call it for every mutation, including failed ones. */
export async function recordAudit(entry: AuditEntry): Promise<void> {
  const db = await getDb();
  const actor = typeof entry.actor === "string" ? { id: null, username: entry.actor } : entry.actor;
  await db.insert(auditLog).values({
    actorId: actor.id,
    actorUsername: actor.username,
    hostId: entry.hostId ?? null,
    hostName: entry.hostName ?? null,
    action: entry.action,
    target: entry.target,
    commands: entry.commands,
    xml: entry.xml ?? null,
    result: entry.result,
    detail: entry.detail ?? null,
  });
}
