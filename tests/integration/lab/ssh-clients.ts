// SSH clients for the lab tests: OpenSSH's own tools for key checks (what an admin would
// run), ssh2 for password logins (no sshpass needed).
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "ssh2";
import { labRoot, type LabHost } from "@/lab";

export interface CmdResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCmd(cmd: string, args: string[], timeoutMs = 30_000): Promise<CmdResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** A temp dir for known_hosts files, so nothing touches ~/.ssh. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "sy-lab-test-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** ssh-keyscan HOST's ed25519 key into DIR/known_hosts; returns its OpenSSH fingerprint. */
export async function scanHostKey(host: LabHost, dir: string): Promise<{ knownHosts: string; fingerprint: string }> {
  const scan = await runCmd("ssh-keyscan", ["-T", "5", "-t", "ed25519", "-p", String(host.port), host.address]);
  const line = scan.stdout.split("\n").find((l) => l.includes(" ssh-ed25519 "));
  if (!line) throw new Error(`no ed25519 key from ${host.name}: ${scan.stderr}`);
  const knownHosts = path.join(dir, "known_hosts");
  writeFileSync(knownHosts, `${line}\n`);
  const fp = await runCmd("ssh-keygen", ["-l", "-E", "sha256", "-f", knownHosts]);
  const fingerprint = fp.stdout.trim().split(/\s+/)[1];
  if (!fingerprint) throw new Error(`ssh-keygen -l gave nothing: ${fp.stderr}`);
  return { knownHosts, fingerprint };
}

/** OpenSSH client as root with the lab key, pinned to KNOWN_HOSTS (no TOFU). */
export function sshAsRoot(host: LabHost, knownHosts: string, remoteCommand: string): Promise<CmdResult> {
  return runCmd("ssh", [
    "-i", path.join(labRoot(), host.privateKeyPath),
    "-o", "IdentitiesOnly=yes",
    "-o", "BatchMode=yes",
    "-o", `UserKnownHostsFile=${knownHosts}`,
    "-o", "GlobalKnownHostsFile=/dev/null",
    "-o", "StrictHostKeyChecking=yes",
    "-o", "ConnectTimeout=10",
    "-p", String(host.port),
    `${host.user}@${host.address}`,
    remoteCommand,
  ]);
}

/** Logs in by password with ssh2 (host key checked against the pinned fingerprint) and runs one command. */
export function sshPasswordExec(host: LabHost, username: string, password: string, command: string): Promise<CmdResult> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      client.end();
      fn();
    };
    client
      .on("ready", () => {
        client.exec(command, (err, stream) => {
          if (err) return finish(() => reject(err));
          let stdout = "";
          let stderr = "";
          stream.on("data", (d: Buffer) => (stdout += d.toString()));
          stream.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
          stream.on("close", (code: number | null) => finish(() => resolve({ code: code ?? -1, stdout, stderr })));
        });
      })
      .on("error", (err) => finish(() => reject(err)))
      .connect({
        host: host.address,
        port: host.port,
        username,
        password,
        tryKeyboard: false,
        readyTimeout: 20_000,
        hostVerifier: (key: Buffer) => {
          const fp = `SHA256:${createHash("sha256").update(key).digest("base64").replace(/=+$/, "")}`;
          return fp === host.hostKeyFingerprint;
        },
      });
  });
}
