import type { AuditFilter } from "@/lib/audit/filter";

// A plain GET form: the filter lives in the URL, so it can be bookmarked and
// works before (and without) any JavaScript.
export function AuditFilterForm({ filter }: { filter: AuditFilter }) {
  const field = "rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900";
  return (
    <form method="get" action="/audit" aria-label="Filter the audit log" className="flex flex-wrap items-center gap-4 text-sm">
      <label className="flex items-center gap-2">
        Show
        <select name="show" defaultValue={filter.show} className={field}>
          <option value="all">Everything</option>
          <option value="changes">Changes</option>
          <option value="sign-ins">Sign-ins</option>
        </select>
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="failed" value="1" defaultChecked={filter.failedOnly} />
        Only failures
      </label>
      <button type="submit" className="rounded-md border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">Apply</button>
    </form>
  );
}
