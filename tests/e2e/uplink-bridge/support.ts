import { execFile, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import type { Locator, Page } from "playwright-core";
import { hostNamespaces, labExec, labHost, labRoot } from "@/lab";
import type { NetState } from "@/lib/domain/plan";
import { addressesFromIpJson, mastersFromIpJson, routesFromIpJson } from "@/lib/libvirt/uplink-bridge-state";
import { afterAll, beforeAll } from "vitest";
import { startServer, type RunningServer } from "../support/server";
import { startSshRelay } from "./relay";

// Host-side checks for the uplink-bridge tests, read from outside the console:
// `ip -n sy-hv-a -j …` as root, parsed as data with the same readers the product uses.

export const HOST = "hv-a";
export const lab = () => labHost(HOST);
const exec = promisify(execFile);

export async function hostNetState(devices: string[]): Promise<NetState> {
  const ns = hostNamespaces(HOST).netns;
  const ip = async (...args: string[]) => (await exec("ip", ["-n", ns, ...args])).stdout;
  const [addr, r4, r6, link] = await Promise.all([ip("-j", "addr", "show"), ip("-j", "-4", "route", "show", "table", "main"), ip("-j", "-6", "route", "show", "table", "main"), ip("-j", "-d", "link", "show")]);
  return {
    addresses: addressesFromIpJson(addr, devices),
    routes: [...routesFromIpJson(r4, "inet", devices), ...routesFromIpJson(r6, "inet6", devices)],
    masters: mastersFromIpJson(link, devices),
  };
}

export async function linkExists(name: string): Promise<boolean> {
  const res = await exec("ip", ["-n", hostNamespaces(HOST).netns, "link", "show", "dev", name]).catch(() => null);
  return res !== null;
}

/** Resolves as soon as the link appears (polled every 5 ms): the moment the change starts on the host. */
export async function whenLinkAppears(name: string, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await linkExists(name)) return Date.now();
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`${name} never appeared on ${HOST}`);
}

/** Dead-man switch processes still alive on the machine (the lab shares one PID namespace). */
export async function switchProcesses(): Promise<string[]> {
  const { stdout } = await exec("ps", ["-eo", "pid,args"]);
  return stdout.split("\n").filter((l) => l.includes("sy-deadman") && !l.includes("ps -eo"));
}

/** lan0 back as the lab made it: no bridge over it, its LAN address on it. Idempotent. */
export async function restoreLan0(bridges: string[]) {
  for (const b of bridges) if (await linkExists(b)) await labExec(HOST, ["ip", "link", "del", "dev", b]);
  await labExec(HOST, ["ip", "link", "set", "dev", "lan0", "nomaster"]);
  await labExec(HOST, ["ip", "addr", "replace", `${lab().lan!.address}/${lab().lan!.prefix}`, "dev", "lan0"]);
  await labExec(HOST, ["ip", "link", "set", "dev", "lan0", "up"]);
}

/**
 * Watches address:22 from this machine: every 100 ms a new TCP connection that must
 * read sshd's "SSH-" banner within 1 s. Reports the longest run of failures.
 */
export function reachability(address: string) {
  let running = true;
  let lastOk = Date.now();
  let down: number | null = null;
  let longest = 0;
  const attempt = () =>
    new Promise<boolean>((resolve) => {
      const sock = net.connect({ host: address, port: 22 });
      const done = (ok: boolean) => {
        sock.destroy();
        resolve(ok);
      };
      sock.setTimeout(1_000, () => done(false));
      sock.once("data", (d) => done(d.toString().startsWith("SSH-")));
      sock.once("error", () => done(false));
    });
  const loop = (async () => {
    while (running) {
      const ok = await attempt();
      const now = Date.now();
      if (ok) {
        if (down !== null) longest = Math.max(longest, now - lastOk);
        down = null;
        lastOk = now;
      } else if (down === null) down = now;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop(): Promise<{ longestUnreachableMs: number; stillDown: boolean }> {
      running = false;
      await loop;
      return { longestUnreachableMs: down !== null ? Math.max(longest, Date.now() - lastOk) : longest, stillDown: down !== null };
    },
  };
}

/** A server of this file's own, on a store holding hv-a-lan and hv-a-up. */
export async function startUplinkServer(): Promise<RunningServer> {
  const dir = path.join(labRoot(), ".test-data");
  mkdirSync(dir, { recursive: true });
  const dataDir = mkdtempSync(path.join(dir, "e2e-uplink-"));
  const seeded = spawnSync("npx", ["tsx", "tests/e2e/uplink-bridge/seed.ts"], { cwd: labRoot(), env: { ...process.env, SWITCHYARD_DATA_DIR: dataDir }, encoding: "utf8" });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  return startServer({ SWITCHYARD_DATA_DIR: dataDir });
}

/** SIGKILL for the server: the `next start` listening on its port, and its process group. */
export function killServer(server: RunningServer) {
  const port = new URL(server.baseURL).port;
  const { stdout } = spawnSync("ss", ["-Htlnp", `sport = :${port}`], { encoding: "utf8" });
  const pid = Number(/pid=(\d+)/.exec(stdout)?.[1]);
  if (!pid) throw new Error(`no server listening on ${port}`);
  const pgid = Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")[2]);
  process.kill(-pgid, "SIGKILL");
}

export async function signInTo(page: Page, server: RunningServer) {
  await page.goto(`${server.baseURL}/login`);
  await page.getByLabel("Username").fill(server.adminUser);
  await page.getByLabel("Password", { exact: true }).fill(server.adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Opens hv-a's Interfaces page and asks for the plan that bridges lan0. */
export async function planBridgeLan0(page: Page, server: RunningServer, host: string, bridge: string, seconds: number): Promise<Locator> {
  await page.goto(`${server.baseURL}/hosts/${host}/interfaces`);
  const nics = page.getByRole("table", { name: "NICs" });
  await nics.waitFor({ timeout: 60_000 });
  const dialog = page.getByRole("dialog");
  // A click before hydration is lost: click until the form opens.
  const form = page.getByRole("form", { name: "Bridge lan0" });
  for (let i = 0; i < 20 && !(await form.isVisible()); i++) {
    await nics.getByRole("button", { name: "Bridge lan0" }).click().catch(() => {});
    await page.waitForTimeout(500);
  }
  await form.getByLabel("New bridge").fill(bridge);
  await form.getByLabel("Dead-man switch (s)").fill(String(seconds));
  await form.getByRole("button", { name: "Show the plan" }).click();
  await dialog.waitFor({ timeout: 60_000 });
  return dialog;
}

/** Apply, and wait for the outcome (a revert takes the switch's time and more). */
export async function applyAndWait(dialog: Locator): Promise<string> {
  await dialog.getByRole("button", { name: "Apply" }).click();
  await dialog.getByRole("button", { name: "Close" }).waitFor({ timeout: 240_000 });
  return dialog.innerText();
}

export const seconds = (ms: number) => (ms / 1000).toFixed(1);

/**
 * Every uplink-bridge file's setup: lan0 as the lab made it (minus `bridges`),
 * with `relay` the SSH relay on hv-a's LAN address (so "hv-a-lan" reaches it
 * through lan0), a server of the file's own seeded with hv-a-lan and hv-a-up;
 * `cleanUp` runs before and after (even when a test failed). Read the server
 * inside tests: `lab.server`.
 */
export function setUpUplinkLab(options: { relay?: boolean; bridges?: string[]; cleanUp?: () => Promise<void> } = {}) {
  const state: { server?: RunningServer; relay?: { stop(): void } } = {};
  const clean = async () => {
    await options.cleanUp?.();
    await restoreLan0(options.bridges ?? []);
  };
  beforeAll(async () => {
    await clean();
    if (options.relay) state.relay = await startSshRelay(HOST, lab().lan!.address, lab().address);
    state.server = await startUplinkServer();
  }, 180_000);
  afterAll(async () => {
    await state.server?.stop().catch(() => {});
    state.relay?.stop();
    await clean();
  });
  return {
    get server(): RunningServer {
      if (!state.server) throw new Error("the uplink server has not started");
      return state.server;
    },
  };
}

/** Submits a form and returns the plan dialog it opens. */
export async function openPlan(page: Page, form: Locator, submit: string): Promise<Locator> {
  await form.getByRole("button", { name: submit }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor({ timeout: 60_000 });
  return dialog;
}

/** The Interfaces page of a host, hydrated (a form's select answers). */
export async function openInterfaces(page: Page, server: RunningServer, host: string) {
  await page.goto(`${server.baseURL}/hosts/${host}/interfaces`);
  await page.getByRole("table", { name: "NICs" }).waitFor({ timeout: 60_000 });
  await page.waitForLoadState("networkidle");
}

/** ovs-vsctl inside hv-a, as root, from outside the console. */
export async function hostOvs(...args: string[]): Promise<string> {
  const res = await labExec(HOST, ["ovs-vsctl", "--timeout=20", ...args]);
  if (res.code !== 0) throw new Error(`ovs-vsctl ${args.join(" ")}: ${res.stderr}`);
  return res.stdout;
}
