import { readFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { labRoot, labVirsh } from "@/lab/index";
import { closeAllConnections, runCommand } from "@/lib/ssh";
import { acquireBuildLock } from "../tests/e2e/support/build-lock";
import { buildOnce, startServer, type RunningServer } from "../tests/e2e/support/server";
import { addLabHost, hostRow, labFields } from "../tests/e2e/hosts/hosts-ui";
import { baselineCommand, defineExtra, removeExtra, target } from "./networks";
import type { BenchLine } from "./run";

// Pages as an operator's browser gets them, against a production build
// (`next build` under the e2e build lock; SWITCHYARD_E2E_SKIP_BUILD=1 reuses
// .next) served on a free port with its own data directory, every up lab host
// registered. Each figure is navigation → rendered, measured inside the page
// (performance.now() when the last expected row is in the DOM; the document's
// time origin is the navigation's start), median of 9, after two warm loads:
// - the framework floor: /users, a signed-in page that reads only the store;
// - hv-a's networks page with 1 and with 51 networks (sy-bench-NN defined for
//   it), served from the live host model, against the floor, beside the raw
//   batched-virsh read of the same host; and the same page from a server with
//   SWITCHYARD_LIVE_MODEL=off (the host read on the critical path, as before);
// - the fleet networks page with every up lab host;
// - the networks page's JS on the wire (compressed, as served, a cold cache),
//   its HTML + RSC payload, and the browser's scripting time.

const RUNS = 9;
const HOST = "hv-a";
const EXTRA = 50;
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"];

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** KiB, one decimal (the JS line also gives decimal kB: the "150 kB" reads either way). */
const kB = (bytes: number) => Math.round(bytes / 102.4) / 10;

type LabHostEntry = { name: string; up: boolean };
const upLabHosts = () =>
  (JSON.parse(readFileSync(path.join(labRoot(), ".lab/hosts.json"), "utf8")) as { hosts: LabHostEntry[] }).hosts.filter((h) => h.up).map((h) => h.name);

async function networkCount(host: string): Promise<number> {
  return (await labVirsh(host, ["net-list", "--all", "--name"])).stdout.split("\n").filter((l) => l.trim()).length;
}

/** A signed-in context on `server` with every host in `hosts` registered (key login, key trusted as shown). */
async function signedIn(browser: Browser, server: RunningServer, hosts: string[]): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Username").fill(server.adminUser);
  await page.getByLabel("Password", { exact: true }).fill(server.adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  for (const host of hosts) {
    await page.goto("/hosts");
    if ((await hostRow(page, host).count()) > 0) continue;
    await addLabHost(page, labFields(host, "root-key"));
    await hostRow(page, host).waitFor({ timeout: 30_000 });
  }
  await page.close();
  return context;
}

/**
 * What "rendered" means for a page: at least `rows` table rows, `named` of them
 * with a name starting with `prefix` (other suites' networks come and go on the
 * shared lab), and no host still loading or failed (the fleet's status rows).
 */
type Rendered = { rows: number; prefix?: string; named?: number };

/** Navigation → rendered, in ms since the navigation started (the page's own clock). */
async function load(page: Page, url: string, want: Rendered): Promise<number> {
  await page.goto(url, { waitUntil: "commit" });
  const handle = await page.waitForFunction(
    ({ rows, prefix, named }) => {
      const trs = document.querySelectorAll("tbody tr");
      if (trs.length < rows || document.querySelector("tr[data-host-status]")) return false;
      if (prefix && [...document.querySelectorAll("tbody tr td a")].filter((a) => a.textContent?.startsWith(prefix)).length < (named ?? 0)) return false;
      return performance.now();
    },
    want,
    { polling: "raf", timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Median of RUNS loads after two warm ones; between loads the page settles (live stream up, background read done). */
async function navMedian(page: Page, url: string, want: Rendered, between?: () => Promise<void>): Promise<{ ms: number; fromModel: number }> {
  const times: number[] = [];
  let fromModel = 0;
  for (let i = -2; i < RUNS; i += 1) {
    const ms = await load(page, url, want);
    if (between) await between();
    if (i < 0) continue;
    times.push(ms);
    if ((await page.locator('[data-rows-source="model"]').count()) > 0) fromModel += 1;
  }
  return { ms: median(times), fromModel };
}

/** The live badge says live and the page's follow-up requests are done: the next load can come from the model. */
async function settled(page: Page) {
  await page.locator('[data-live-state="live"]').waitFor({ timeout: 20_000 });
  await page.waitForLoadState("networkidle").catch(() => {});
}

async function rawRead(): Promise<number> {
  const t = target();
  const argv = await baselineCommand(t);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await runCommand(t, argv);
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Scripts, document and RSC payload of one cold load, as the network sent them (encoded sizes). */
async function wire(browser: Browser, context: BrowserContext, baseURL: string, url: string) {
  const cold = await browser.newContext({ baseURL, storageState: await context.storageState() });
  const page = await cold.newPage();
  const responses: Array<Promise<{ type: string; encoded: number; decoded: number }>> = [];
  page.on("requestfinished", (request) =>
    responses.push(
      (async () => {
        const sizes = await request.sizes();
        const body = await (await request.response())?.body().catch(() => null);
        return { type: request.resourceType(), encoded: sizes.responseBodySize, decoded: body?.length ?? 0 };
      })(),
    ),
  );
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  const all = await Promise.all(responses);
  const scripts = all.filter((r) => r.type === "script");
  const doc = all.find((r) => r.type === "document");
  await cold.close();
  return { jsEncoded: scripts.reduce((s, r) => s + r.encoded, 0), jsDecoded: scripts.reduce((s, r) => s + r.decoded, 0), scripts: scripts.length, docEncoded: doc?.encoded ?? 0, docDecoded: doc?.decoded ?? 0 };
}

/** Median browser scripting time (CDP ScriptDuration of a fresh tab, navigation to settled) over RUNS loads of `url`. */
async function scriptingMedian(context: BrowserContext, url: string, want: Rendered): Promise<number> {
  const times: number[] = [];
  for (let i = -1; i < RUNS; i += 1) {
    const page = await context.newPage();
    const client = await context.newCDPSession(page);
    await client.send("Performance.enable");
    await load(page, url, want);
    await settled(page);
    const metric = (await client.send("Performance.getMetrics")).metrics.find((m) => m.name === "ScriptDuration")?.value ?? 0;
    if (i >= 0) times.push(metric * 1000);
    await page.close();
  }
  return median(times);
}

async function rscBytes(context: BrowserContext, baseURL: string, pathname: string): Promise<{ flight: number; rowsJson: number; fullJson: number }> {
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const get = async (p: string, headers: Record<string, string> = {}) => (await (await fetch(`${baseURL}${p}`, { headers: { cookie, ...headers } })).arrayBuffer()).byteLength;
  return {
    flight: await get(pathname, { RSC: "1" }),
    rowsJson: await get(`/networks/hosts/${HOST}/rows`),
    fullJson: await get(`/networks/hosts/${HOST}`),
  };
}

export async function benchPages(): Promise<BenchLine[]> {
  const release = await acquireBuildLock();
  const servers: RunningServer[] = [];
  let browser: Browser | undefined;
  try {
    await buildOnce();
    const hosts = upLabHosts();
    const on = await startServer();
    servers.push(on);
    const off = await startServer({ SWITCHYARD_LIVE_MODEL: "off" });
    servers.push(off);
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, chromiumSandbox: false });
    const ctxOn = await signedIn(browser, on, hosts);
    const ctxOff = await signedIn(browser, off, [HOST]);
    const page = await ctxOn.newPage();
    const pageOff = await ctxOff.newPage();
    const lines: BenchLine[] = [];
    const users = await navMedian(page, "/users", { rows: 1 });
    const floor = users.ms;
    lines.push({ name: "pages: framework floor (/users, store only)", value: Math.round(floor), unit: "ms", target: "info", note: `navigation → rendered, median of ${RUNS}, production build` });

    const hostPage = `/hosts/${HOST}/networks`;
    await removeExtra(EXTRA);
    try {
      for (const extra of [0, EXTRA]) {
        if (extra) await defineExtra(extra);
        const count = await networkCount(HOST);
        // hv-a's own "default" plus every sy-bench network.
        const want: Rendered = { rows: extra + 1, prefix: "sy-bench-", named: extra };
        const model = await navMedian(page, hostPage, want, () => settled(page));
        const read = await navMedian(pageOff, hostPage, want, () => settled(pageOff));
        const raw = await rawRead();
        lines.push(
          { name: `pages: host networks page, ${count} networks`, value: Math.round(model.ms), unit: "ms", target: "info", note: `${HOST}; ${model.fromModel}/${RUNS} loads answered from the live host model` },
          { name: `pages: host networks page / floor, ${count} networks`, value: Number((model.ms / floor).toFixed(2)), unit: "×", target: "≤ 1.15", note: `floor ${Math.round(floor)} ms` },
          { name: `pages: same page, model off (host read on the critical path)`, value: Math.round(read.ms), unit: "ms", target: "info", note: `${count} networks; ${(read.ms / floor).toFixed(2)} × floor; SWITCHYARD_LIVE_MODEL=off` },
          { name: `pages: raw batched virsh read, ${count} networks`, value: Math.round(raw), unit: "ms", target: "info", note: "one exec over a warm connection, what the page no longer waits for" },
        );
        if (extra) {
          const data = await rscBytes(ctxOn, on.baseURL, hostPage);
          const scripting = await scriptingMedian(ctxOn, hostPage, want);
          lines.push(
            { name: `pages: host networks page RSC payload, ${count} networks`, value: kB(data.flight), unit: "KiB", target: "info", note: `uncompressed; its rows as JSON ${kB(data.rowsJson)} KiB against the full host view ${kB(data.fullJson)} KiB (what the page carried before)` },
            { name: `pages: host networks page scripting, ${count} networks`, value: Math.round(scripting), unit: "ms", target: "info", note: `browser ScriptDuration per load (CDP), median of ${RUNS}` },
            { name: "pages: live model memory, one host", value: kB(data.rowsJson), unit: "KiB", target: "info", note: `${count} networks' rows (JSON); capped at 256 hosts and 8 MiB in all, least recently used out first` },
          );
        }
      }
    } finally {
      await removeExtra(EXTRA);
    }

    let fleetRows = 0;
    for (const host of hosts) fleetRows += await networkCount(host);
    // Every host answered (no host's status row left) and its networks are in.
    const fleet = await navMedian(page, "/networks", { rows: hosts.length }, () => settled(page));
    lines.push({ name: `pages: fleet networks page / floor, ${hosts.length} hosts`, value: Number((fleet.ms / floor).toFixed(2)), unit: "×", target: "info", note: `${Math.round(fleet.ms)} ms, about ${fleetRows} rows on ${hosts.join(", ")}` });

    const sent = await wire(browser, ctxOn, on.baseURL, hostPage);
    lines.push(
      { name: "pages: networks page JS on the wire (compressed)", value: kB(sent.jsEncoded), unit: "KiB", target: "≤ 150", note: `${(sent.jsEncoded / 1000).toFixed(1)} kB decimal; ${sent.scripts} scripts, ${kB(sent.jsDecoded)} KiB uncompressed; cold cache, gzip as next start serves it` },
      { name: "pages: networks page HTML on the wire", value: kB(sent.docEncoded), unit: "KiB", target: "info", note: `${kB(sent.docDecoded)} KiB uncompressed (rows rendered + RSC payload inline)` },
    );
    return lines;
  } finally {
    await browser?.close();
    for (const server of servers) await server.stop();
    release();
    closeAllConnections();
  }
}
