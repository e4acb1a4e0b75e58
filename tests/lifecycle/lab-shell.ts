// Drives lab/lab.sh and reads the kernel state it is responsible for, for the lifecycle test.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, readlinkSync } from "node:fs";
import path from "node:path";
import { labRoot } from "@/lab";

export interface ShellResult {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** Runs `bash lab/lab.sh ARGS` (as root unless `asUser` says otherwise). */
export function labSh(args: string[], opts: { asUser?: string; timeoutMs?: number; viaNpm?: boolean } = {}): Promise<ShellResult> {
  const script = path.join(labRoot(), "lab", "lab.sh");
  let argv = opts.asUser
    ? ["setpriv", `--reuid=${opts.asUser}`, `--regid=${opts.asUser === "nobody" ? "nogroup" : opts.asUser}`, "--clear-groups", "bash", script, ...args]
    : ["bash", script, ...args];
  // The package.json entry points, e.g. `npm run lab:up -- --reset`.
  if (opts.viaNpm) argv = ["npm", "run", "-s", `lab:${args[0]}`, "--", ...args.slice(1)];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd: labRoot(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 240_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, seconds: (Date.now() - started) / 1000 });
    });
  });
}

export function labNetns(): string[] {
  return execFileSync("ip", ["netns", "list"], { encoding: "utf8" })
    .split("\n")
    .map((l) => l.split(" ")[0]!)
    .filter((n) => n.startsWith("sy-"));
}

/** Links in the root namespace the lab would have made (root ends of the uplink veths). */
export function labRootLinks(): string[] {
  const links = JSON.parse(execFileSync("ip", ["-j", "link", "show"], { encoding: "utf8" })) as { ifname: string }[];
  return links.map((l) => l.ifname).filter((n) => n.startsWith("sy-"));
}

/** Mounts in the root mount namespace that belong to the lab. */
export function labMounts(): string[] {
  return readFileSync("/proc/self/mountinfo", "utf8")
    .split("\n")
    .filter((l) => l.includes("switchyard-lab") || l.includes("/.lab/") || /\snsfs\s/.test(l) && l.includes("/run/netns/sy-"));
}

export interface Proc {
  pid: number;
  comm: string;
  cmdline: string;
  netns: string;
}

export function processes(): Proc[] {
  const out: Proc[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      out.push({
        pid: Number(entry),
        comm: readFileSync(`/proc/${entry}/comm`, "utf8").trim(),
        cmdline: readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ").trim(),
        netns: readlinkSync(`/proc/${entry}/ns/net`),
      });
    } catch {
      // gone while we looked
    }
  }
  return out;
}

/** Processes the lab runs: its daemons and guests, wherever they are. */
export function labProcesses(): Proc[] {
  const labDir = path.join(labRoot(), ".lab");
  return processes().filter(
    (p) =>
      ["libvirtd", "virtlogd"].includes(p.comm) ||
      p.comm.startsWith("qemu-system") ||
      (p.comm === "dnsmasq" && (p.cmdline.includes("/var/lib/libvirt/dnsmasq/") || p.cmdline.includes(labDir))) ||
      (["sshd", "ovsdb-server", "ovs-vswitchd"].includes(p.comm) && p.cmdline.includes(labDir)),
  );
}

/** Every host that has state under .lab/ (hv-a, hv-b and whatever --hosts made). */
export function labHostDirs(): string[] {
  const root = path.join(labRoot(), ".lab");
  return readdirSync(root).filter((d) => /^hv-[a-z]$/.test(d));
}

/** Pids in the lab's pidfiles: of HOSTS (default: all), plus the LAN's dnsmasq unless only some hosts are asked for. */
export function pidsFromPidfiles(hosts?: string[]): number[] {
  const root = path.join(labRoot(), ".lab");
  const files: string[] = hosts ? [] : [path.join(root, "run", "lan-dnsmasq.pid")];
  hosts ??= labHostDirs();
  for (const host of hosts) {
    const run = path.join(root, host, "libvirt", "run");
    files.push(path.join(run, "libvirtd.pid"), path.join(run, "virtlogd.pid"), path.join(root, host, "sshd", "sshd.pid"));
    files.push(path.join(root, host, "ovs", "run", "ovsdb-server.pid"), path.join(root, host, "ovs", "run", "ovs-vswitchd.pid"));
    for (const sub of ["qemu", "network"]) {
      const dir = path.join(run, sub);
      if (existsSync(dir)) for (const f of readdirSync(dir)) if (f.endsWith(".pid")) files.push(path.join(dir, f));
    }
  }
  return files.filter(existsSync).map((f) => Number(readFileSync(f, "utf8").trim())).filter((n) => n > 0);
}

/** The lab's rules in the root namespace's firewall (the LAN's guard rail). */
export function labRootRules(): string[] {
  return execFileSync("iptables-save", { encoding: "utf8" })
    .split("\n")
    .filter((l) => l.includes("switchyard-lab"));
}

/** Everything lab:down must leave behind: nothing. One list, so a failure names what is left. */
export function labLeftovers(): string[] {
  return [
    ...labNetns().map((n) => `netns ${n}`),
    ...labRootLinks().map((l) => `link ${l}`),
    ...labRootRoutes().map((r) => `route ${r}`),
    ...labMounts().map((m) => `mount ${m}`),
    ...labRootRules().map((r) => `rule ${r}`),
    ...labProcesses().map((p) => `process ${p.pid} ${p.cmdline}`),
    ...(existsSync("/run/switchyard-lab") ? ["/run/switchyard-lab"] : []),
  ];
}

export function alive(pid: number): boolean {
  return existsSync(`/proc/${pid}`);
}

/** Routes the lab adds in the root namespace (marked with protocol 77, see lab/lib/addresses.sh). */
export function labRootRoutes(): string[] {
  return execFileSync("ip", ["-4", "route", "show", "table", "all", "proto", "77"], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
}
