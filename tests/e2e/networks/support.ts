import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import type { Page } from "playwright-core";
import { labVirsh, sshdLogPath } from "@/lab";
import { signIn } from "../support/browser";
import { ensureLabHosts } from "../hosts/hosts-ui";

// Out-of-band lab changes (sy-net- names, 10.230.0.0/16) and the host-side
// counters the network browser tests check against.

export const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&apos;");

export async function defineNetwork(host: string, name: string, bridge: string, subnet: string, extra = "") {
  await removeNetwork(host, name);
  const xml = `<network><name>${xmlText(name)}</name><bridge name='${bridge}'/>${extra}<ip address='${subnet}.1' prefix='24'/></network>`;
  const r = await labVirsh(host, ["net-define", "/dev/stdin"], { stdin: xml });
  if (r.code !== 0) throw new Error(`define ${name}: ${r.stderr}`);
  return (await labVirsh(host, ["net-uuid", "--", name])).stdout.trim();
}

export async function removeNetwork(host: string, name: string) {
  await labVirsh(host, ["net-destroy", "--", name]);
  await labVirsh(host, ["net-undefine", "--", name]);
}

export async function uuidsOn(host: string, args: string[]): Promise<string[]> {
  return (await labVirsh(host, [...args, "--uuid"])).stdout.split("\n").map((l) => l.trim()).filter(Boolean);
}

/** Local ports of the e2e server's SSH connections to `address` (found by the server's listening port). */
export function serverSshPorts(address: string): number[] {
  const port = new URL(inject("baseURL")).port;
  const listen = execFileSync("ss", ["-tlnpH", `( sport = :${port} )`], { encoding: "utf8" });
  const pids = [...listen.matchAll(/pid=(\d+)/g)].map((m) => m[1]);
  const out = execFileSync("ss", ["-tnpH", "state", "established", `( dst ${address}:22 )`], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((line) => pids.some((pid) => line.includes(`pid=${pid},`)))
    .map((line) => Number(/:(\d+)\s+\S+:22\b/.exec(line)?.[1]))
    .filter((p) => Number.isInteger(p));
}

/** Exec channels sshd on `host` started for connections from these local ports. */
export function execCount(host: string, ports: number[]): number {
  const log = readFileSync(sshdLogPath(host), "utf8");
  return ports.reduce((sum, p) => sum + (log.match(new RegExp(`Starting session: command for \\S+ from \\S+ port ${p} `, "g"))?.length ?? 0), 0);
}

export const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

/** Signed in as the admin, with hv-a and hv-b registered (files share one server). */
export async function ready(page: Page) {
  await signIn(page);
  await ensureLabHosts(page);
}
