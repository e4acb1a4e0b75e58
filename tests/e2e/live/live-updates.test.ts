import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { labVirsh } from "@/lab";
import { usePage } from "../support/browser";
import { ready } from "../networks/support";
import { defineNetwork, liveNetwork, removeNetwork, sweep } from "../../integration/events/networks";
import { serverLoops } from "./server-loops";
import { markDocument, recordSse, sameDocument, sseMessages, waitForChange } from "./sse-recorder";

// With a network page open, changes made on the host behind Switchyard's back
// (virsh inside the lab host, no SSH from us) arrive over the page's SSE stream
// and show in the table without a reload; and an idle page sends nothing.

const HOST = "hv-a";
const made: Array<[host: string, name: string]> = [];

async function uuidOf(name: string, host = HOST): Promise<string> {
  return (await labVirsh(host, ["net-uuid", "--", name])).stdout.trim();
}

async function openLivePage(page: Page, path: string) {
  await recordSse(page);
  await ready(page);
  await page.goto(path);
  await page.getByRole("table").waitFor();
  await page.locator('[data-live-state="live"]').waitFor({ timeout: 20_000 });
  await markDocument(page);
}

/** The State cell of a network's row on a single-host table (Name, State, …). */
const stateCell = (page: Page, uuid: string) => page.locator(`tr[data-uuid="${uuid}"] td`).nth(1);

beforeAll(async () => {
  await sweep("hv-a");
  await sweep("hv-b");
});
afterEach(async () => {
  for (const [host, name] of made.splice(0)) await removeNetwork(host, name);
});
afterAll(async () => {
  await sweep("hv-a");
  await sweep("hv-b");
});

describe("live updates in the browser", () => {
  const t = usePage();

  it("shows an out-of-band net-define, net-start and net-destroy without a reload", async () => {
    const page = t.page;
    await openLivePage(page, `/hosts/${HOST}/networks`);
    const net = liveNetwork();
    made.push([HOST, net.name]);
    const timings: Record<string, number> = {};

    let since = Date.now();
    await defineNetwork(HOST, net.xml);
    await waitForChange(page, HOST, since);
    const uuid = await uuidOf(net.name);
    await expect(stateCell(page, uuid).innerText({ timeout: 5_000 })).resolves.toBe("Inactive");
    timings["net-define"] = Date.now() - since;

    for (const [command, shown] of [["net-start", "Active"], ["net-destroy", "Inactive"]] as const) {
      since = Date.now();
      const virsh = await labVirsh(HOST, [command, "--", net.name]);
      expect(virsh.code, virsh.stderr).toBe(0);
      await waitForChange(page, HOST, since);
      await page.waitForFunction(
        ([u, s]) => document.querySelector(`tr[data-uuid="${u}"] td:nth-child(2)`)?.textContent?.trim() === s,
        [uuid, shown] as const,
        { timeout: 5_000, polling: 50 },
      );
      timings[command] = Date.now() - since;
    }
    expect(await sameDocument(page)).toBe(true);
    console.log(`live e2e: virsh launch → table updated (ms): ${JSON.stringify(timings)}`);
  });

  it("makes no requests while idle: 10 seconds with the page open", async () => {
    const page = t.page;
    await openLivePage(page, `/hosts/${HOST}/networks`);
    // Let the page's own start-up traffic (prefetches, fonts) finish first.
    await page.waitForLoadState("networkidle");
    const requests: string[] = [];
    page.on("request", (request) => requests.push(`${request.method()} ${request.url()}`));
    const since = Date.now();
    await new Promise((r) => setTimeout(r, 10_000));
    // Someone else may change the shared lab host meanwhile: each change may
    // cost one refetch, but nothing may happen on a timer.
    const changes = (await sseMessages(page)).filter((m) => m.type === "change" && m.at >= since);
    expect(requests.length, requests.join("\n")).toBeLessThanOrEqual(changes.length);
    expect(await sameDocument(page)).toBe(true);
  });

  it("the fleet page shows a network defined out of band on hv-b without a reload", async () => {
    const page = t.page;
    await recordSse(page);
    await ready(page);
    await page.goto("/networks");
    await page.getByRole("table").waitFor();
    // The fleet badge may say "2/3 live" when another suite registered hv-down; wait for hv-b itself.
    await page.waitForFunction(() => window.__sse?.some((m) => m.type === "status" && m.data.hostName === "hv-b" && m.data.state === "live"), null, { timeout: 20_000 });
    await markDocument(page);
    const net = liveNetwork();
    made.push(["hv-b", net.name]);
    const since = Date.now();
    await defineNetwork("hv-b", net.xml);
    await waitForChange(page, "hv-b", since);
    const row = page.locator(`tr[data-uuid="${await uuidOf(net.name, "hv-b")}"]`);
    await row.waitFor({ timeout: 5_000 });
    expect((await row.locator("td").allInnerTexts()).slice(0, 2).map((s) => s.trim())).toEqual(["hv-b", net.name]);
    expect(await sameDocument(page)).toBe(true);
  });

  it("stops the host's subscription after the last page leaves: no virsh left on the host", async () => {
    const page = t.page;
    await openLivePage(page, `/hosts/${HOST}/networks`);
    await expect.poll(() => serverLoops(HOST), { timeout: 5_000 }).toBe(2);
    await page.close();
    // The server keeps a host's subscription 30 s after its last listener (reloads reuse it).
    await expect.poll(() => serverLoops(HOST), { timeout: 50_000, interval: 1_000 }).toBe(0);
  });
});
