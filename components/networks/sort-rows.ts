import type { NetworkRow } from "@/lib/domain/host/snapshot-rows";

export type FleetRow = NetworkRow & { host: string };
export type SortKey = keyof FleetRow;

function compare(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

export function sortRows<R extends Partial<FleetRow>>(rows: R[], key: SortKey, dir: "asc" | "desc"): R[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a[key], b[key]) || compare(a.name, b.name));
}

/** Case-insensitive match of every word against the row's visible text. */
export function matchesFilter(row: Partial<FleetRow>, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = [row.host, row.name, row.state, row.bridge, row.forwarding, row.ipv4, row.ipv6, row.dhcp].join(" ").toLowerCase();
  return words.every((w) => text.includes(w));
}
