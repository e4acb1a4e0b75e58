import type { Page } from "playwright-core";

// Records what the page's own EventSource receives, so a test can assert on
// the SSE stream the page consumes (not on a second connection of its own).
// Installed before any page script runs; it only listens, the app's
// listeners see exactly the same messages.

export type SseRecord = { type: string; data: { hostId?: string; hostName?: string; reason?: string; state?: string }; at: number };

declare global {
  interface Window {
    __sse?: SseRecord[];
    __loadMarker?: string;
  }
}

export async function recordSse(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Original = window.EventSource;
    window.__sse = [];
    class Recording extends Original {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        for (const type of ["change", "status", "end"]) {
          this.addEventListener(type, (event) => {
            window.__sse!.push({ type, data: JSON.parse((event as MessageEvent<string>).data), at: Date.now() });
          });
        }
      }
    }
    window.EventSource = Recording;
  });
}

export const sseMessages = (page: Page): Promise<SseRecord[]> => page.evaluate(() => window.__sse ?? []);

/** Waits for a "change" message for `host` received at or after `since` (page clock = this machine's clock). */
export async function waitForChange(page: Page, host: string, since: number, timeout = 5_000): Promise<SseRecord> {
  const handle = await page.waitForFunction(
    ([h, s]) => window.__sse?.find((m) => m.type === "change" && m.data.hostName === h && m.at >= (s as number)),
    [host, since] as const,
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as SseRecord;
}

/** Marks the loaded document; the mark survives anything but a reload or navigation. */
export const markDocument = (page: Page) => page.evaluate(() => (window.__loadMarker = "original"));
export const sameDocument = (page: Page) => page.evaluate(() => window.__loadMarker === "original");
