import { Checkbox, secondaryButton, Select } from "@/components/ui";
import type { AuditFilter } from "@/lib/audit/filter";

// A plain GET form: the filter lives in the URL, so it can be bookmarked and
// works before (and without) any JavaScript.
export function AuditFilterForm({ filter }: { filter: AuditFilter }) {
  return (
    <form method="get" action="/audit" aria-label="Filter the audit log" className="flex flex-wrap items-end gap-4 text-sm">
      <Select label="Show" name="show" defaultValue={filter.show}>
        <option value="all">Everything</option>
        <option value="changes">Changes</option>
        <option value="sign-ins">Sign-ins</option>
      </Select>
      <Checkbox label="Only failures" name="failed" value="1" defaultChecked={filter.failedOnly} className="flex items-center gap-2 pb-2" />
      <button type="submit" className={secondaryButton}>Apply</button>
    </form>
  );
}
