import "server-only";
import { count, desc } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { auditLog, type AuditRow } from "@/lib/db/schema";

export const AUDIT_PAGE_SIZE = 100;

/** Newest first, one page at a time (page counts from 1). */
export async function listAudit(page = 1): Promise<{ rows: AuditRow[]; total: number }> {
  const db = await getDb();
  const offset = (Math.max(1, Math.floor(page)) - 1) * AUDIT_PAGE_SIZE;
  const rows = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(AUDIT_PAGE_SIZE).offset(offset);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditLog);
  return { rows, total };
}
