import type { Page } from "playwright-core";
import { labVirsh } from "@/lab";

// Reading the drawn graph the way an operator's screen reader would: every
// node and edge carries an aria-label ("Network default", "web1 → vnet0").

export const nodeEl = (page: Page, kind: string, label: string) =>
  page.locator(`.react-flow__node[aria-label="${kind} ${label.replace(/"/g, '\\"')}"]`);

export const edgeEl = (page: Page, from: string, to: string, label?: string) =>
  page.locator(`.react-flow__edge[aria-label="${`${from} → ${to}${label ? ` (${label})` : ""}`.replace(/"/g, '\\"')}"]`);

/** Opens a host's topology and waits until the worker's layout is drawn. */
export async function openTopology(page: Page, host: string) {
  await page.goto(`/hosts/${encodeURIComponent(host)}/topology`);
  await page.locator(".react-flow__node").first().waitFor({ timeout: 60_000 });
}

/** The tap devices of a running guest, from `virsh domiflist` (Interface column). */
export async function tapsOf(host: string, domain: string): Promise<string[]> {
  const out = (await labVirsh(host, ["-q", "domiflist", domain])).stdout;
  return out.split("\n").map((l) => l.trim().split(/\s+/)[0]!).filter((t) => t && t !== "-");
}

/** Where xyflow put a node (its CSS transform): equal before and after means it did not move. */
export const transformOf = (page: Page, kind: string, label: string) =>
  nodeEl(page, kind, label).evaluate((el) => (el as HTMLElement).style.transform);
