import Link from "next/link";
import { auditQuery, type AuditFilter } from "@/lib/audit/filter";

export function AuditPager({ page, pages, filter }: { page: number; pages: number; filter: AuditFilter }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Audit pages" className="flex items-center gap-4 text-sm">
      {page > 1 ? <Link href={`/audit${auditQuery(filter, page - 1)}`}>Newer</Link> : null}
      <span>{`Page ${page} of ${pages}`}</span>
      {page < pages ? <Link href={`/audit${auditQuery(filter, page + 1)}`}>Older</Link> : null}
    </nav>
  );
}
