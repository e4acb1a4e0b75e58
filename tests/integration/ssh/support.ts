import { readFileSync } from "node:fs";
import path from "node:path";
import { labExec, labHost, labRoot } from "@/lab";
import type { SshTarget } from "@/lib/ssh";

// Shared by the SSH transport's lab tests: targets built from .lab/hosts.json,
// and ways to look at a connection from the host's side.

export type Login = "root" | "operator" | "outsider";

/** An SshTarget for a lab host, pinned to the fingerprint in hosts.json. */
export function labTarget(name: string, login: Login = "root", id = `${name}:${login}`): SshTarget {
  const h = labHost(name);
  const base = { id, address: h.address, port: h.port, pinnedFingerprint: h.hostKeyFingerprint };
  if (login === "root") {
    const privateKey = readFileSync(path.join(labRoot(), h.privateKeyPath), "utf8");
    return { ...base, username: h.user, auth: { kind: "key", privateKey } };
  }
  if (login === "operator") return { ...base, username: h.passwordUser, auth: { kind: "password", password: h.password } };
  return { ...base, username: h.outsiderUser, auth: { kind: "password", password: h.outsiderPassword } };
}

/** Runs argv in the lab host (no SSH) and insists that it worked. */
export async function onHost(host: string, argv: string[]): Promise<string> {
  const r = await labExec(host, argv, { timeoutMs: 20_000 });
  if (r.code !== 0) throw new Error(`${argv.join(" ")} on ${host} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** The pids of the sshd processes serving the TCP connection from our local port. */
export async function sshdPidsFor(host: string, localPort: number): Promise<number[]> {
  const out = await onHost(host, ["ss", "-tnpH", "state", "established", `( sport = :22 and dport = :${localPort} )`]);
  return [...new Set([...out.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1])))];
}

/**
 * Processes running under those sshd processes (the commands of open sessions).
 * With `directOnly`, only sshd's own children: exactly one per open exec channel.
 */
export async function sessionProcesses(host: string, sshdPids: number[], directOnly = false): Promise<string[]> {
  const table = await onHost(host, ["ps", "-eo", "pid=,ppid=,comm="]);
  const rows = table.trim().split("\n").map((l) => l.trim().split(/\s+/));
  const children = new Map<number, Array<{ pid: number; comm: string }>>();
  for (const [pid, ppid, comm] of rows) {
    const list = children.get(Number(ppid)) ?? [];
    list.push({ pid: Number(pid), comm: comm ?? "" });
    children.set(Number(ppid), list);
  }
  // Descendants, minus sshd's own privilege-separated children.
  const found: string[] = [];
  const queue = [...sshdPids];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const pid = queue.shift()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    for (const child of children.get(pid) ?? []) {
      if (child.comm === "sshd") queue.push(child.pid); // privilege separation: look below it
      else found.push(`${child.pid} ${child.comm}`);
      if (child.comm !== "sshd" && !directOnly) queue.push(child.pid);
    }
  }
  return found;
}

/** sshd log lines about one client port (VERBOSE logs "… from ADDR port N …" on each). */
export function sshdLogLinesFor(logText: string, localPort: number): string[] {
  return logText.split("\n").filter((line) => new RegExp(`\\bport ${localPort}\\b`).test(line));
}

/** Whether a process of this machine (a lab daemon, say) still exists. */
export const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
