// Runs a command inside a lab host: its network namespace and, for up hosts, its private
// mount namespace, so `virsh -c qemu:///system` there talks to that host's libvirtd.
// argv goes straight to execve (through nsenter), never through a shell.
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ExecOptions {
  stdin?: string;
  /** Kill the command after this long (default 60 s); the result then has code 124. */
  timeoutMs?: number;
}

const HOST_NAME = /^[a-z][a-z0-9-]{0,30}$/;

/** Same naming as lab/lib/common.sh: netns sy-<host>, mount ns pinned at /run/switchyard-lab/<host>.mnt. */
export function hostNamespaces(host: string): { netns: string; netnsPath: string; mntnsPath: string } {
  if (!HOST_NAME.test(host)) throw new Error(`lab: invalid host name ${JSON.stringify(host)}`);
  return {
    netns: `sy-${host}`,
    netnsPath: `/run/netns/sy-${host}`,
    mntnsPath: `/run/switchyard-lab/${host}.mnt`,
  };
}

/** Runs argv[0] with argv[1..] in the root namespaces (used by the other lab helpers). */
export function run(argv: string[], opts: ExecOptions = {}): Promise<ExecResult> {
  const [cmd, ...args] = argv;
  if (!cmd) return Promise.reject(new Error("lab: empty argv"));
  // stdin is a regular file, not a pipe: node's pipes are sockets, and `virsh net-define
  // /dev/stdin` cannot open a socket ("No such device or address").
  let stdinFd: number | "ignore" = "ignore";
  let stdinDir: string | undefined;
  if (opts.stdin !== undefined) {
    stdinDir = mkdtempSync(path.join(tmpdir(), "sy-lab-stdin-"));
    const file = path.join(stdinDir, "stdin");
    writeFileSync(file, opts.stdin, { mode: 0o600 });
    stdinFd = openSync(file, "r");
  }
  const cleanup = () => {
    if (typeof stdinFd === "number") closeSync(stdinFd);
    if (stdinDir) rmSync(stdinDir, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: [stdinFd, "pipe", "pipe"] });
    // The child has its own copy of the descriptor now.
    cleanup();
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timeoutMs = opts.timeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (timedOut) resolve({ code: 124, stdout, stderr: stderr + `\nlab: timed out after ${timeoutMs} ms` });
      else resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

export function labExec(host: string, argv: string[], opts: ExecOptions = {}): Promise<ExecResult> {
  if (argv.length === 0) return Promise.reject(new Error("lab: labExec needs a command"));
  const ns = hostNamespaces(host);
  if (!existsSync(ns.netnsPath)) {
    return Promise.reject(new Error(`lab: host ${host} is not up (no ${ns.netnsPath}); run npm run lab:up`));
  }
  const enter = [`--net=${ns.netnsPath}`];
  // hv-down has no mount namespace: it runs no daemons.
  if (existsSync(ns.mntnsPath)) enter.unshift(`--mount=${ns.mntnsPath}`);
  return run(["nsenter", ...enter, "--", ...argv], opts);
}

/** virsh -c qemu:///system ARGS on HOST, as root. */
export function labVirsh(host: string, args: string[], opts: ExecOptions = {}): Promise<ExecResult> {
  return labExec(host, ["virsh", "-c", "qemu:///system", ...args], opts);
}
