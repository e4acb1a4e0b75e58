import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { labVirsh } from "@/lab";
import { MAX_FAILURES_PER_USER } from "@/lib/auth/rate-limit-policy";
import { launchBrowser } from "../support/browser";
import type { RunningServer } from "../support/server";
import { defineNetwork, removeNetwork, uuidsOn } from "../networks/support";
import { actionOf, postAction, resultOf } from "../security/action-http";
import { eventScripts, listeningPid, startFleetStore, type Fleet } from "./support";

// Two production servers of one build on one PostgreSQL, as behind a load
// balancer: a plan made on A applies through B; an out-of-band change on hv-a
// shows live on pages of both while hv-a runs ONE event script; SIGKILL A and B
// takes the watch over within 10 s; the sign-in throttle counts across both.

const HOST = "hv-a";
const PLANNED = "sy-multi-plan";
const LIVE = "sy-multi-live";

let fleet: Fleet;
let a: RunningServer;
let b: RunningServer;
let browser: Browser;
let context: BrowserContext;

async function signIn(page: Page, server: RunningServer) {
  await page.goto(`${server.baseURL}/login`);
  await page.getByLabel("Username").fill(fleet.adminUser);
  await page.getByLabel("Password", { exact: true }).fill(fleet.adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

async function openLive(page: Page, server: RunningServer) {
  await page.goto(`${server.baseURL}/hosts/${HOST}/networks`);
  await page.getByRole("table").waitFor();
  await page.locator('[data-live-state="live"]').waitFor({ timeout: 20_000 });
}

const stateOf = (page: Page, uuid: string) => page.locator(`tr[data-uuid="${uuid}"] td`).nth(1);

/** Polls until hv-a runs exactly one event script of these servers; returns its owner pid. */
async function oneScript(pids: number[], withinMs: number): Promise<number> {
  const deadline = Date.now() + withinMs;
  let owners: number[] = [];
  while (Date.now() < deadline) {
    owners = await eventScripts(HOST, pids);
    if (owners.length === 1) return owners[0]!;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`expected one event script on ${HOST}, saw owners ${JSON.stringify(owners)}`);
}

beforeAll(async () => {
  await removeNetwork(HOST, PLANNED);
  await removeNetwork(HOST, LIVE);
  fleet = await startFleetStore();
  a = await fleet.start();
  b = await fleet.start();
  browser = await launchBrowser();
  // Cookies ignore ports: one sign-in (on A) is the session on both servers, as
  // behind a load balancer, and only because sessions live in the shared store.
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await signIn(page, a);
  await page.close();
}, 300_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await fleet?.stop();
  await removeNetwork(HOST, PLANNED);
  await removeNetwork(HOST, LIVE);
});

describe("two servers on one PostgreSQL", () => {
  it("applies through server B a plan made in the browser on server A", async () => {
    const uuid = await defineNetwork(HOST, PLANNED, "sy-multi0", "10.230.23");
    const page = await context.newPage();
    // The page is A's; its apply request goes to B instead, with the browser's
    // cookie and body, and B's answer (the applied steps) comes back to the page.
    const forwarded: string[] = [];
    const answers: number[] = [];
    await page.route("**/api/changes/**", async (route) => {
      const url = new URL(route.request().url());
      const toB = `${b.baseURL}${url.pathname}${url.search}`;
      forwarded.push(toB);
      const headers: Record<string, string> = Object.fromEntries(Object.entries(await route.request().allHeaders()).filter(([name]) => name !== "host"));
      headers.origin = b.baseURL;
      const response = await route.fetch({ url: toB, headers });
      answers.push(response.status());
      await route.fulfill({ response });
    });
    await page.goto(`${a.baseURL}/hosts/${HOST}/networks/${PLANNED}`);
    await page.getByRole("tablist", { name: "Network details" }).waitFor();
    await page.getByRole("button", { name: "Start", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Apply" }).click();
    await dialog.getByRole("status").getByText("Applied.").waitFor({ timeout: 30_000 });
    expect(answers).toEqual([200]);
    expect(forwarded).toHaveLength(1);
    expect(forwarded[0]).toMatch(new RegExp(`^${b.baseURL}/api/changes/[0-9a-f-]{36}$`));
    expect(await uuidsOn(HOST, ["net-list"])).toContain(uuid);
    // Taken once: the same plan id through A now answers "unknown".
    const again = await page.request.post(`${a.baseURL}${new URL(forwarded[0]!).pathname}`, { headers: { origin: a.baseURL }, data: {} });
    expect(again.status()).toBe(404);
    await page.close();
  });

  it("shows an out-of-band net-start live on both servers' pages while hv-a runs one event script", async () => {
    const uuid = await defineNetwork(HOST, LIVE, "sy-multi1", "10.230.24");
    const onA = await context.newPage();
    const onB = await context.newPage();
    await openLive(onA, a);
    await openLive(onB, b);
    const pids = [listeningPid(a.baseURL), listeningPid(b.baseURL)];
    await oneScript(pids, 5_000);
    // Stays one: the second server's page did not start a second script.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await eventScripts(HOST, pids)).toHaveLength(1);
    // No page of either server watches hv-b: neither dials it for events.
    expect(await eventScripts("hv-b", pids)).toEqual([]);

    await expect(stateOf(onA, uuid).innerText()).resolves.toBe("Inactive");
    expect((await labVirsh(HOST, ["net-start", "--", LIVE])).code).toBe(0);
    for (const page of [onA, onB]) {
      await page.waitForFunction((u) => document.querySelector(`tr[data-uuid="${u}"] td:nth-child(2)`)?.textContent?.trim() === "Active", uuid, { timeout: 5_000, polling: 50 });
    }
    expect((await labVirsh(HOST, ["net-destroy", "--", LIVE])).code).toBe(0);
    await onA.close();
    await onB.close();
  });

  it("SIGKILL of the holder: within 10 s the other server holds the watch and its page still goes live; a restart adds none", async () => {
    const uuid = (await labVirsh(HOST, ["net-uuid", "--", LIVE])).stdout.trim();
    const onA = await context.newPage();
    const onB = await context.newPage();
    await openLive(onA, a);
    await openLive(onB, b);
    const pidA = listeningPid(a.baseURL);
    const pidB = listeningPid(b.baseURL);
    const holder = await oneScript([pidA, pidB], 5_000);
    // Whichever server holds the watch is killed; the other must take it over.
    const [victim, survivorPage, survivorPid] = holder === pidA ? [a, onB, pidB] : [b, onA, pidA];
    const killedAt = Date.now();
    process.kill(holder, "SIGKILL");
    // One event script again: the dead server's is gone from the host and the survivor's runs.
    await expect.poll(() => eventScripts(HOST, [pidA, pidB]), { timeout: 10_000, interval: 250 }).toEqual([survivorPid]);
    const tookOverMs = Date.now() - killedAt;
    await survivorPage.locator('[data-live-state="live"]').waitFor({ timeout: 10_000 });
    expect((await labVirsh(HOST, ["net-start", "--", LIVE])).code).toBe(0);
    await survivorPage.waitForFunction((u) => document.querySelector(`tr[data-uuid="${u}"] td:nth-child(2)`)?.textContent?.trim() === "Active", uuid, { timeout: 5_000, polling: 50 });
    console.log(`multi-server: SIGKILL of the holder → survivor's event script running after ${tookOverMs} ms`);

    // The killed server comes back (a new process on a new port) with a page open: still one script.
    await victim.stop();
    const restarted = await fleet.start();
    if (victim === a) a = restarted;
    else b = restarted;
    const back = await context.newPage();
    await openLive(back, restarted);
    const pids = [listeningPid(restarted.baseURL), survivorPid];
    await new Promise((r) => setTimeout(r, 4_500)); // two lease retries
    expect(await eventScripts(HOST, pids)).toEqual([survivorPid]);
    expect((await labVirsh(HOST, ["net-destroy", "--", LIVE])).code).toBe(0);
    await back.waitForFunction((u) => document.querySelector(`tr[data-uuid="${u}"] td:nth-child(2)`)?.textContent?.trim() === "Inactive", uuid, { timeout: 5_000, polling: 50 });
    await onA.close();
    await onB.close();
    await back.close();
  });

  it("counts wrong passwords sent to both servers at once as one server would: exactly the limit is checked", async () => {
    const signInAction = actionOf("app/login/actions.ts", "signIn");
    const name = `split-${Date.now().toString(36)}`;
    // 16 at once, alternating servers, all from 127.0.0.1 (under the address limit of 30).
    const replies = await Promise.all(
      Array.from({ length: 16 }, (_, i) => postAction(i % 2 === 0 ? a.baseURL : b.baseURL, signInAction, "/login", [{ username: name, password: `guess ${i}` }])),
    );
    const codes = replies.map((reply) => resultOf(reply)?.code);
    expect(codes.filter((c) => c === "invalid-credentials")).toHaveLength(MAX_FAILURES_PER_USER);
    expect(codes.filter((c) => c === "rate-limited")).toHaveLength(16 - MAX_FAILURES_PER_USER);
  });
});
