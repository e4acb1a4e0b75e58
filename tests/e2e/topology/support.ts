import type { Page } from "playwright-core";
import { labVirsh } from "@/lab";

// Reading the drawn graph the way an operator's screen reader would: every
// node and edge carries an aria-label ("Network default", "web1 → vnet0").

export const nodeEl = (page: Page, kind: string, label: string) =>
  page.locator(`.react-flow__node[aria-label="${quoted(`${kind} ${label}`)}"]`);

const quoted = (text: string) => text.replace(/\\/g, "\\\\").replace(/"/g, '\\"');

/**
 * An edge by its aria-label. Without `label`, a suffix is allowed too: a bridge
 * port still in STP learning is labelled "(learning)", and STP settling sends
 * no libvirt event, so the page may keep that label until the next refetch.
 */
export const edgeEl = (page: Page, from: string, to: string, label?: string) => {
  const name = `${from} → ${to}`;
  if (label) return page.locator(`.react-flow__edge[aria-label="${quoted(`${name} (${label})`)}"]`);
  return page.locator(`.react-flow__edge[aria-label="${quoted(name)}"], .react-flow__edge[aria-label^="${quoted(`${name} (`)}"]`);
};

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
