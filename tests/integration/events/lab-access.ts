import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { SshTarget } from "@/lib/ssh";

// Reaching lab hosts from the events tests: an SshTarget straight from
// .lab/hosts.json (no store needed), and commands run inside a host's
// namespaces without SSH, for out-of-band changes and for `ps`.

const root = path.resolve(__dirname, "../../..");

type LabHost = { name: string; address: string; port: number; user: string; privateKeyPath: string; hostKeyFingerprint: string | null };

export function labTarget(name: string): SshTarget {
  const { hosts } = JSON.parse(readFileSync(path.join(root, ".lab/hosts.json"), "utf8")) as { hosts: LabHost[] };
  const host = hosts.find((h) => h.name === name);
  if (!host) throw new Error(`no lab host ${name}; run npm run lab:up`);
  return {
    id: name,
    address: host.address,
    port: host.port,
    username: host.user,
    auth: { kind: "key", privateKey: readFileSync(path.join(root, host.privateKeyPath), "utf8") },
    pinnedFingerprint: host.hostKeyFingerprint,
  };
}

export type ExecResult = { code: number | null; stdout: string; stderr: string };

/** Runs argv inside a lab host (its network and mount namespaces), as the lab scripts do. */
export function inLabHost(host: string, argv: string[], stdin?: string): Promise<ExecResult> {
  const ns = [`--mount=/run/switchyard-lab/${host}.mnt`, `--net=/run/netns/sy-${host}`, "--"];
  return new Promise((resolve, reject) => {
    const child = spawn("nsenter", [...ns, ...argv], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

/** virsh on a lab host; throws with virsh's message when it fails. */
export async function labVirsh(host: string, args: string[]): Promise<string> {
  const result = await inLabHost(host, ["virsh", "-q", "-c", "qemu:///system", ...args]);
  if (result.code !== 0) throw new Error(`virsh ${args.join(" ")} on ${host}: ${result.stderr.trim()}`);
  return result.stdout;
}
