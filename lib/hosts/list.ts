import "server-only";
import type { HostSummary } from "@/lib/domain/host/status";
import { findHostRow, listHostRows, toSummary } from "./records";

/** Every host, without secrets, for pages. */
export async function listHosts(): Promise<HostSummary[]> {
  return (await listHostRows()).map(toSummary);
}

/** One host, without secrets, or null. */
export async function findHost(hostIdOrName: string): Promise<HostSummary | null> {
  const row = await findHostRow(hostIdOrName);
  return row ? toSummary(row) : null;
}
