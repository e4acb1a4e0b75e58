"use client";

export type SortState<K extends string> = { key: K; dir: "asc" | "desc" };

/** A column header that sorts the table; aria-sort tells screen readers the order. */
export function SortableHeader<K extends string>({ label, column, sort, onSort }: { label: string; column: K; sort: SortState<K>; onSort: (next: SortState<K>) => void }) {
  const active = sort.key === column;
  const next = active && sort.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"} className="py-2 pr-4 font-medium">
      <button type="button" onClick={() => onSort({ key: column, dir: next })} className="inline-flex items-center gap-1 hover:text-zinc-900 dark:hover:text-zinc-100">
        {label}
        <span aria-hidden="true" className="text-xs">{active ? (sort.dir === "asc" ? "▲" : "▼") : ""}</span>
      </button>
    </th>
  );
}
