import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { labExec, labHost, labRoot, readLabHosts } from "@/lab/index";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { closeAllConnections, runCommand, type SshTarget } from "@/lib/ssh";
import { acquireBuildLock } from "../tests/e2e/support/build-lock";
import { startServer, type RunningServer } from "../tests/e2e/support/server";
import { labSshTarget } from "./events";
import { baselineCommand } from "./networks";
import { startPostgres, type ThrowawayPostgres } from "../tests/support/postgres";
import type { BenchLine } from "./run";

// The fleet at 20 hosts (`npm run lab:up -- --hosts 20`; with fewer up hosts
// this section says so and measures nothing). Four figures and the per-host cost:
// - the fleet networks read of every up host in parallel, against raw batched
//   virsh over the same pooled connections, in the same runs;
// - a production server of the current build (`.next`, a throw-away PostgreSQL,
//   the lab's hosts registered as `npm run demo` does): Chromium from navigation to /networks
//   until every up host's rows are rendered (only hv-down's status row left);
// - that server's RSS before any host is read, and with every host connected
//   and watched (the fleet page open, its live stream subscribed to all);
// - event latency through that server with all of them watched: out-of-band
//   `virsh net-start`/`net-destroy` on hv-a until the change arrives on an SSE
//   stream of /api/events?host=hv-a (clock started before virsh is launched);
// - per host: memory (RSS delta / hosts), SSH connections and processes on the host.

const MIN_HOSTS = 20;
const RUNS = 5;
const NET = "sy-live-fleet20";
const XML = `<network><name>${NET}</name><bridge name='sylvfl20'/><ip address='10.240.249.1' netmask='255.255.255.0'/></network>`;
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"];

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function fleetRead(targets: SshTarget[]): Promise<BenchLine[]> {
  const read = (t: SshTarget) => readHostSnapshot(t, { scope: "networks" });
  await Promise.all(targets.map(read)); // connect and warm, as a running server is
  // The same data per host as one prepared virsh batch (bench/networks.ts's baseline).
  const batches = new Map(await Promise.all(targets.map(async (t) => [t.id, await baselineCommand(t)] as const)));
  const raw = (t: SshTarget) => runCommand(t, batches.get(t.id)!);
  await Promise.all(targets.map(raw));
  const reader: number[] = [];
  const batched: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    reader.push(await timed(() => Promise.all(targets.map(read))));
    batched.push(await timed(() => Promise.all(targets.map(raw))));
  }
  const [r, b] = [median(reader), median(batched)];
  return [
    { name: `fleet-20: networks read of ${targets.length} hosts in parallel`, value: Math.round(r), unit: "ms", target: "info", note: `median of ${RUNS}, warm pooled connections` },
    { name: `fleet-20: raw batched virsh, same ${targets.length} connections`, value: Math.round(b), unit: "ms", target: "info", note: "one exec per host asking for the same data (bench/networks.ts baseline), unparsed" },
    { name: "fleet-20: fleet read / raw batched virsh", value: Number((r / b).toFixed(2)), unit: "×", target: "≤ 1.2", note: "same runs, alternating" },
  ];
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN) / 1024;

function listeningPid(baseURL: string): number {
  const listen = execFileSync("ss", ["-tlnpH", `( sport = :${new URL(baseURL).port} )`], { encoding: "utf8" });
  return Number(/pid=(\d+)/.exec(listen)?.[1]);
}

/** Established SSH connections of `pid` to the host's address. */
function sshConnections(pid: number, address: string): number[] {
  const out = execFileSync("ss", ["-tnpH", "state", "established", `( dst ${address}:22 )`], { encoding: "utf8" });
  return out.split("\n").filter((l) => l.includes(`pid=${pid},`)).map((l) => Number(/:(\d+)\s+\S+:22\b/.exec(l)?.[1]));
}

/** Processes on `host` started for these SSH client ports (sessions inherit SSH_CONNECTION). */
async function remoteProcesses(host: string, ports: number[]): Promise<number> {
  const { stdout } = await labExec(host, ["ps", "eww", "-eo", "comm=,args="]);
  const address = labHost(host).address.replace(/\./g, "\\.");
  return stdout.split("\n").filter((l) => ports.some((p) => new RegExp(`SSH_CONNECTION=\\S+ ${p} ${address} `).test(l))).length;
}

/** Reads SSE from /api/events?host=… until `match` arrives; resolves with the time it did. */
async function sseStream(url: string, cookie: string) {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
  if (!res.ok || !res.body) throw new Error(`/api/events answered ${res.status}`);
  const waiters: Array<{ match: (e: string, d: string) => boolean; resolve: (at: number) => void }> = [];
  let buffer = "";
  const decoder = new TextDecoder();
  void (async () => {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? "";
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? "";
        for (const w of [...waiters]) {
          if (!w.match(event, data)) continue;
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(performance.now());
        }
      }
    }
  })().catch(() => {});
  return {
    next: (match: (e: string, d: string) => boolean, timeoutMs = 10_000) =>
      new Promise<number>((resolve, reject) => {
        waiters.push({ match, resolve });
        setTimeout(() => reject(new Error("no SSE message in time")), timeoutMs).unref();
      }),
    close: () => abort.abort(),
  };
}

async function throughServer(upHosts: string[]): Promise<BenchLine[]> {
  // `.next` is shared with everyone's browser tests: hold their build lock while a server of it runs
  // (and look for the build only once holding it: a build in progress has no BUILD_ID yet).
  const release = await acquireBuildLock();
  if (!existsSync(path.join(labRoot(), ".next", "BUILD_ID"))) {
    release();
    return [{ name: "fleet-20: server figures", value: NaN, unit: "", target: "info", note: "skipped: no production build (.next); run `npm run build` first" }];
  }
  const dataDir = mkdtempSync(path.join(labRoot(), ".test-data", "bench-fleet20-"));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let pg: ThrowawayPostgres | null = null;
  let store = "";
  try {
    // PostgreSQL, as a fleet this size would run (and the multi-server event path); PGlite when it is not installed.
    pg = await startPostgres();
    const env: Record<string, string> = { SWITCHYARD_DATA_DIR: dataDir, ...(pg ? { DATABASE_URL: pg.url } : {}) };
    store = pg ? "PostgreSQL" : "PGlite";
    const seeded = spawnSync("npx", ["tsx", "scripts/demo-seed.ts"], { cwd: labRoot(), env: { ...process.env, ...env }, encoding: "utf8" });
    if (seeded.status !== 0) throw new Error(`demo-seed failed: ${seeded.stderr}`);
    server = await startServer(env);
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, chromiumSandbox: false });
    const pid = listeningPid(server.baseURL);
    const page = await (await browser.newContext({ baseURL: server.baseURL, viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto("/login");
    await page.getByLabel("Username").fill(server.adminUser);
    await page.getByLabel("Password", { exact: true }).fill(server.adminPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await sleep(1_000);
    const rssBefore = rssMb(pid);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

    // Navigation → every up host's rows rendered (only hv-down's status row may remain).
    const pageTimes: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await page.goto("/hosts");
      const started = performance.now();
      await page.goto("/networks");
      await page.waitForFunction(
        (up) => {
          const pending = [...document.querySelectorAll("tr[data-host-status]")].map((r) => r.getAttribute("data-host-status"));
          return document.querySelector("table") !== null && !pending.some((h) => up.includes(h!));
        },
        upHosts,
        { timeout: 60_000, polling: 20 },
      );
      pageTimes.push(performance.now() - started);
    }
    // Stay on the fleet page: its stream watches every host. Wait for all to be live.
    const all = await sseStream(`${server.baseURL}/api/events`, cookie);
    const live = new Set<string>();
    await all.next((e, d) => {
      if (e === "status" && d.includes('"state":"live"')) live.add((JSON.parse(d) as { hostName: string }).hostName);
      return upHosts.every((h) => live.has(h));
    }, 60_000);
    await sleep(2_000);
    const rssWatched = rssMb(pid);

    // Event latency, hv-a, with every host watched.
    await labExec("hv-a", ["virsh", "-q", "-c", "qemu:///system", "net-destroy", NET]);
    await labExec("hv-a", ["virsh", "-q", "-c", "qemu:///system", "net-undefine", NET]);
    const file = path.join("/tmp", `${NET}.xml`);
    writeFileSync(file, XML);
    await labExec("hv-a", ["virsh", "-q", "-c", "qemu:///system", "net-define", "--file", file]);
    const one = await sseStream(`${server.baseURL}/api/events?host=hv-a`, cookie);
    await one.next((e, d) => e === "status" && d.includes('"state":"live"'), 20_000);
    await sleep(1_000);
    const latencies: number[] = [];
    for (let i = 0; i < 2 * RUNS; i += 1) {
      const started = performance.now();
      const arrived = one.next((e) => e === "change");
      await labExec("hv-a", ["virsh", "-q", "-c", "qemu:///system", i % 2 === 0 ? "net-start" : "net-destroy", NET]);
      latencies.push((await arrived) - started);
      await sleep(600);
    }
    one.close();
    await labExec("hv-a", ["virsh", "-q", "-c", "qemu:///system", "net-destroy", NET]);
    await labExec("hv-a", ["virsh", "-q", "-c", "qemu:///system", "net-undefine", NET]);
    rmSync(file, { force: true });

    // Per-host cost, on hv-b (no event test runs there).
    const ports = sshConnections(pid, labHost("hv-b").address);
    const processes = await remoteProcesses("hv-b", ports);
    const perHostMb = (rssWatched - rssBefore) / upHosts.length;
    all.close();
    return [
      { name: `fleet-20: /networks navigation → all ${upHosts.length} hosts' rows`, value: Math.round(median(pageTimes)), unit: "ms", target: "info", note: `median of 3, production build, Chromium; max ${Math.round(Math.max(...pageTimes))} ms` },
      { name: "fleet-20: server RSS, signed in, no host read yet", value: Math.round(rssBefore), unit: "MB", target: "info", note: `next start, store: ${store}` },
      { name: `fleet-20: server RSS, ${upHosts.length} hosts connected and watched`, value: Math.round(rssWatched), unit: "MB", target: "≤ 250", note: "fleet page read 3 times, one SSE stream on every host, all live" },
      { name: `fleet-20: event latency, hv-a, ${upHosts.length} hosts watched`, value: Math.round(median(latencies)), unit: "ms", target: "≤ 1000", note: `median of ${latencies.length}, virsh launch → SSE change at a client; max ${Math.round(Math.max(...latencies))} ms` },
      { name: "fleet-20: per host, server memory", value: Number(perHostMb.toFixed(1)), unit: "MB", target: "info", note: "(watched RSS − signed-in RSS) / hosts" },
      { name: "fleet-20: per host, SSH connections from the server", value: ports.length, unit: "conn", target: "info", note: "hv-b; pooled: reads and the event script share it (event script = 1 long-lived channel)" },
      { name: "fleet-20: per host, processes on the host", value: processes, unit: "proc", target: "info", note: "hv-b, everything under the server's SSH sessions while idle and watched (the event script)" },
    ];
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    await pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    release();
  }
}

export const benchFleet20 = (): Promise<BenchLine[]> => benchFleetOf(MIN_HOSTS);

/** The section with a smaller floor (a dry run on the everyday lab). */
export async function benchFleetOf(minHosts: number): Promise<BenchLine[]> {
  const up = readLabHosts().filter((h) => h.up);
  if (up.length < minHosts) {
    return [{ name: "fleet-20: skipped", value: up.length, unit: "hosts", target: "info", note: `needs ${MIN_HOSTS} up hosts: npm run lab:up -- --hosts 20 (then back to --hosts 3)` }];
  }
  const targets = up.map((h) => labSshTarget(h.name));
  try {
    const lines = await fleetRead(targets);
    closeAllConnections();
    return [...lines, ...(await throughServer(up.map((h) => h.name)))];
  } finally {
    closeAllConnections();
  }
}
