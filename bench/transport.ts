import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { labHost, labRoot, type LabHost } from "@/lab";
import { closeHost, runCommand, type SshTarget } from "@/lib/ssh";
import type { BenchLine } from "./run";

// Commands per second over one pooled ssh2 connection, against what a script
// would do without the transport: one OpenSSH `ssh` process per command (new
// TCP connection, key exchange and login each time, temporary known_hosts).
// Same host, same user, same command (`true`), side by side in one run,
// medians of several runs. Two logins, as the console uses both: root by the
// lab key, and operator by password (OpenSSH gets it through SSH_ASKPASS).
// Note that bash sources ~/.bashrc for sshd's non-interactive shells, so a
// slow rc file on a host taxes every command on either path.
// Needs the lab and the react-server condition (lib/ssh imports "server-only").


const run = promisify(execFile);

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

interface Side {
  target: SshTarget;
  ssh: () => Promise<unknown>;
}

function sides(host: LabHost, scratch: string): { root: Side; operator: Side } {
  const keyPath = path.join(labRoot(), host.privateKeyPath);
  const knownHosts = path.join(scratch, "known_hosts");
  const common = [
    "-p", String(host.port), "-o", `UserKnownHostsFile=${knownHosts}`, "-o", "GlobalKnownHostsFile=/dev/null",
    "-o", "StrictHostKeyChecking=accept-new", "-o", "ConnectTimeout=10", "-o", "LogLevel=ERROR",
  ];
  const askpass = path.join(scratch, "askpass");
  writeFileSync(askpass, `#!/bin/sh\nprintf '%s\\n' "$SY_BENCH_PASSWORD"\n`);
  chmodSync(askpass, 0o700);
  const base = { id: "", address: host.address, port: host.port, pinnedFingerprint: host.hostKeyFingerprint };
  return {
    root: {
      target: { ...base, id: "bench-transport-root", username: host.user, auth: { kind: "key", privateKey: readFileSync(keyPath, "utf8") } },
      ssh: () => run("ssh", [...common, "-i", keyPath, "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", `${host.user}@${host.address}`, "true"]),
    },
    operator: {
      target: { ...base, id: "bench-transport-operator", username: host.passwordUser, auth: { kind: "password", password: host.password } },
      ssh: () =>
        run("ssh", [...common, "-o", "PreferredAuthentications=password", "-o", "PubkeyAuthentication=no", "-o", "NumberOfPasswordPrompts=1", `${host.passwordUser}@${host.address}`, "true"], {
          env: { ...process.env, SSH_ASKPASS: askpass, SSH_ASKPASS_REQUIRE: "force", SY_BENCH_PASSWORD: host.password },
        }),
    },
  };
}

async function measure(side: Side, runs: number, pooledPerRun: number, sshPerRun: number) {
  await runCommand(side.target, ["true"]); // log in once; the pool keeps the connection
  await side.ssh(); // and add the host key to the temporary known_hosts
  const pooled: number[] = [];
  const parallel: number[] = [];
  const fresh: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    pooled.push(await ratePer(pooledPerRun, () => runCommand(side.target, ["true"])));
    const started = performance.now();
    await Promise.all(Array.from({ length: pooledPerRun }, () => runCommand(side.target, ["true"])));
    parallel.push(pooledPerRun / ((performance.now() - started) / 1000));
    fresh.push(await ratePer(sshPerRun, side.ssh));
  }
  return { pooled: median(pooled), parallel: median(parallel), ssh: median(fresh) };
}

export async function benchTransport(): Promise<BenchLine[]> {
  const host = labHost("hv-a");
  if (!host.up) throw new Error("hv-a is not up; run npm run lab:up");
  const scratch = mkdtempSync(path.join(tmpdir(), "sy-bench-ssh-"));
  const ids = ["bench-transport-root", "bench-transport-operator"];
  try {
    const { root, operator } = sides(host, scratch);
    const op = await measure(operator, 5, 100, 5);
    const rt = await measure(root, 3, 10, 3);
    // The known_hosts entry OpenSSH accepted must be the lab's pinned key.
    const { stdout } = await run("ssh-keygen", ["-l", "-E", "sha256", "-f", path.join(scratch, "known_hosts")]);
    if (host.hostKeyFingerprint && !stdout.includes(host.hostKeyFingerprint)) throw new Error("ssh saw a different host key");
    const on = (who: string) => `${who}@hv-a, \`true\``;
    return [
      { name: "transport: cmd/s over one connection (operator)", value: round(op.pooled), unit: "cmd/s", target: "INFO", note: `sequential, median of 5 runs of 100, ${on("operator")}` },
      { name: "transport: cmd/s over one connection, 8 channels (operator)", value: round(op.parallel), unit: "cmd/s", target: "INFO", note: "100 issued at once, at most 8 channels open" },
      { name: "transport: cmd/s with one ssh process per command (operator)", value: round(op.ssh), unit: "cmd/s", target: "INFO", note: "OpenSSH, password via SSH_ASKPASS, median of 5 runs of 5" },
      { name: "transport: one connection vs ssh per command (operator)", value: round(op.pooled / op.ssh, 1), unit: "×", target: "≥ 3", note: "sequential rates, same run" },
      { name: "transport: one connection vs ssh per command (root, key)", value: round(rt.pooled / rt.ssh, 1), unit: "×", target: "≥ 3", note: `${round(rt.pooled, 1)} vs ${round(rt.ssh, 2)} cmd/s, sequential, median of 3 runs` },
    ];
  } finally {
    ids.forEach(closeHost);
    rmSync(scratch, { recursive: true, force: true });
  }
}
