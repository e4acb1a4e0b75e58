import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { AuditPager } from "@/components/audit/audit-pager";
import { AuditTable } from "@/components/audit/audit-table";
import { readAuditFilter } from "@/lib/audit/filter";
import { AUDIT_PAGE_SIZE, listAudit } from "@/lib/audit/list";
import { requirePageRole } from "@/lib/auth/guard";
import { pageNumber } from "@/lib/routes";

export const metadata: Metadata = { title: "Audit" };

type SearchParams = { page?: string | string[]; show?: string | string[]; failed?: string | string[] };

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageRole("admin");
  const params = await searchParams;
  const page = pageNumber(params.page) ?? notFound();
  const filter = readAuditFilter(params);
  const { rows, total } = await listAudit(page, filter);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
      <p className="text-sm text-zinc-500">Every change and sign-in, newest first: who, on which host, and exactly what ran.</p>
      <AuditFilterForm filter={filter} />
      <AuditTable entries={rows} />
      <AuditPager page={page} pages={Math.ceil(total / AUDIT_PAGE_SIZE)} filter={filter} />
    </div>
  );
}
