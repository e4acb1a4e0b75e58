import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { labHost, labRoot } from "@/lab";
import { closeHost, runCommand, type SshTarget } from "@/lib/ssh";

// Commands per second over one pooled ssh2 connection, against what a script
// would do without the transport: one OpenSSH `ssh` process per command (new
// TCP connection, key exchange and login each time). Same host, same user, same
// command (`true`), measured side by side in one run; medians of several runs.
// Needs the lab (`npm run lab:up`) and the react-server condition (lib/ssh
// imports "server-only"): `tsx --conditions=react-server …`.

export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  target: string;
  note: string;
}

const run = promisify(execFile);
const RUNS = 5;
const POOLED_PER_RUN = 20;
const SSH_PER_RUN = 4;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

async function ratePer(count: number, fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i += 1) await fn();
  return count / ((performance.now() - started) / 1000);
}

export async function benchTransport(): Promise<BenchLine[]> {
  const host = labHost("hv-a");
  if (!host.up) throw new Error("hv-a is not up; run npm run lab:up");
  const keyPath = path.join(labRoot(), host.privateKeyPath);
  const target: SshTarget = {
    id: "bench-transport",
    address: host.address,
    port: host.port,
    username: host.user,
    auth: { kind: "key", privateKey: readFileSync(keyPath, "utf8") },
    pinnedFingerprint: host.hostKeyFingerprint,
  };
  const scratch = mkdtempSync(path.join(tmpdir(), "sy-bench-ssh-"));
  const knownHosts = path.join(scratch, "known_hosts");
  const sshArgs = [
    "-i", keyPath, "-p", String(host.port),
    "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
    "-o", `UserKnownHostsFile=${knownHosts}`, "-o", "GlobalKnownHostsFile=/dev/null",
    "-o", "StrictHostKeyChecking=accept-new", "-o", "ConnectTimeout=10",
    `${host.user}@${host.address}`, "true",
  ];
  try {
    // Warm both paths: the pooled connection's login, and the known_hosts entry
    // (checked against the lab's pinned fingerprint, so we bench the right host).
    await runCommand(target, ["true"]);
    await run("ssh", sshArgs);
    const { stdout } = await run("ssh-keygen", ["-l", "-E", "sha256", "-f", knownHosts]);
    if (host.hostKeyFingerprint && !stdout.includes(host.hostKeyFingerprint)) {
      throw new Error(`ssh saw a different host key than ${host.hostKeyFingerprint}`);
    }
    const pooled: number[] = [];
    const parallel: number[] = [];
    const fresh: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      pooled.push(await ratePer(POOLED_PER_RUN, () => runCommand(target, ["true"])));
      const started = performance.now();
      await Promise.all(Array.from({ length: POOLED_PER_RUN }, () => runCommand(target, ["true"])));
      parallel.push(POOLED_PER_RUN / ((performance.now() - started) / 1000));
      fresh.push(await ratePer(SSH_PER_RUN, () => run("ssh", sshArgs)));
    }
    const [one, many, ssh] = [median(pooled), median(parallel), median(fresh)];
    const where = `${host.user}@${host.name}, \`true\`, median of ${RUNS} runs`;
    return [
      { name: "transport: commands/s, one connection, sequential", value: round(one), unit: "cmd/s", target: "INFO", note: `${POOLED_PER_RUN} per run, ${where}` },
      { name: "transport: commands/s, one connection, 8 channels", value: round(many), unit: "cmd/s", target: "INFO", note: `${POOLED_PER_RUN} issued at once, at most 8 open; ${where}` },
      { name: "transport: commands/s, one ssh process per command", value: round(ssh), unit: "cmd/s", target: "INFO", note: `OpenSSH client, ${SSH_PER_RUN} per run, ${where}` },
      { name: "transport: one connection vs ssh per command", value: round(one / ssh, 2), unit: "×", target: "≥ 3", note: "sequential pooled rate / ssh-per-command rate, same run" },
    ];
  } finally {
    closeHost(target.id);
    rmSync(scratch, { recursive: true, force: true });
  }
}
