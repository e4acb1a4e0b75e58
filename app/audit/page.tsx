import type { Metadata } from "next";
import { AuditPager } from "@/components/audit/audit-pager";
import { AuditTable } from "@/components/audit/audit-table";
import { AUDIT_PAGE_SIZE, listAudit } from "@/lib/audit/list";
import { requirePageRole } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requirePageRole("admin");
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const { rows, total } = await listAudit(page);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
      <p className="text-sm text-zinc-500">Every change, newest first: who made it, on which host, and exactly what ran.</p>
      <AuditTable entries={rows} />
      <AuditPager page={page} pages={Math.ceil(total / AUDIT_PAGE_SIZE)} />
    </div>
  );
}
