import Link from "next/link";

export function AuditPager({ page, pages }: { page: number; pages: number }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Audit pages" className="flex items-center gap-4 text-sm">
      {page > 1 ? <Link href={`/audit?page=${page - 1}`}>Newer</Link> : null}
      <span>{`Page ${page} of ${pages}`}</span>
      {page < pages ? <Link href={`/audit?page=${page + 1}`}>Older</Link> : null}
    </nav>
  );
}
