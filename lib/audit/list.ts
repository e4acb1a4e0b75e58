import "server-only";
import { and, count, desc, like, ne, notLike, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { auditLog, type AuditRow } from "@/lib/db/schema";
import { SIGN_IN_PREFIX, type AuditFilter } from "./filter";

export const AUDIT_PAGE_SIZE = 100;

function where(filter: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.show === "sign-ins") parts.push(like(auditLog.action, `${SIGN_IN_PREFIX}%`));
  if (filter.show === "changes") parts.push(notLike(auditLog.action, `${SIGN_IN_PREFIX}%`));
  if (filter.failedOnly) parts.push(ne(auditLog.result, "ok"));
  return parts.length ? and(...parts) : undefined;
}

/** Newest first, one page at a time (page counts from 1), optionally filtered. */
export async function listAudit(page = 1, filter: AuditFilter = { show: "all", failedOnly: false }): Promise<{ rows: AuditRow[]; total: number }> {
  const db = await getDb();
  const offset = (Math.max(1, Math.floor(page)) - 1) * AUDIT_PAGE_SIZE;
  const rows = await db.select().from(auditLog).where(where(filter)).orderBy(desc(auditLog.id)).limit(AUDIT_PAGE_SIZE).offset(offset);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditLog).where(where(filter));
  return { rows, total };
}
