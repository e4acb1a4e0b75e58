// Which audit entries the operator asked to see, read from the page's query
// string. Pure, so the page, the pager and the store query agree on one shape.

export type AuditShow = "all" | "changes" | "sign-ins";
export type AuditFilter = { show: AuditShow; failedOnly: boolean };

const SHOWS: readonly AuditShow[] = ["all", "changes", "sign-ins"];

/** Sign-ins are recorded under this action prefix; everything else is a change. */
export const SIGN_IN_PREFIX = "session.";

export function readAuditFilter(params: { show?: string | string[]; failed?: string | string[] }): AuditFilter {
  const show = typeof params.show === "string" && (SHOWS as readonly string[]).includes(params.show) ? (params.show as AuditShow) : "all";
  return { show, failedOnly: params.failed === "1" };
}

/** The query string for a page of this filter ("?page=2&show=changes"). */
export function auditQuery(filter: AuditFilter, page: number): string {
  const params = new URLSearchParams();
  if (page > 1) params.set("page", String(page));
  if (filter.show !== "all") params.set("show", filter.show);
  if (filter.failedOnly) params.set("failed", "1");
  const text = params.toString();
  return text ? `?${text}` : "";
}
