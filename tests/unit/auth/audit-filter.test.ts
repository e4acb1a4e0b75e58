import { describe, expect, it } from "vitest";
import { auditQuery, readAuditFilter } from "@/lib/audit/filter";

describe("the audit log's filter", () => {
  it("reads what the form sends, and falls back to everything for anything else", () => {
    expect(readAuditFilter({})).toEqual({ show: "all", failedOnly: false });
    expect(readAuditFilter({ show: "sign-ins", failed: "1" })).toEqual({ show: "sign-ins", failedOnly: true });
    expect(readAuditFilter({ show: "changes" })).toEqual({ show: "changes", failedOnly: false });
    expect(readAuditFilter({ show: "'; drop table audit_log; --", failed: "yes" })).toEqual({ show: "all", failedOnly: false });
    expect(readAuditFilter({ show: ["changes", "sign-ins"], failed: ["1", "1"] })).toEqual({ show: "all", failedOnly: false });
  });

  it("keeps the filter in the pager's links, and leaves defaults out", () => {
    expect(auditQuery({ show: "all", failedOnly: false }, 1)).toBe("");
    expect(auditQuery({ show: "changes", failedOnly: true }, 3)).toBe("?page=3&show=changes&failed=1");
  });
});
