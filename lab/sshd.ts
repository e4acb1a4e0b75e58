// Host-key helpers for SSH tests: swap a lab host's sshd key and put the pinned one back.
// The pinned key is .lab/<host>/ssh_host_ed25519_key; sshd serves its copy in
// .lab/<host>/sshd/ (see lab/lib/daemons.sh), and rereads it on SIGHUP.
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { labHost, labRoot } from "./hosts";
import { run } from "./exec";

function hostDir(host: string): string {
  labHost(host); // validates the name against hosts.json
  return path.join(labRoot(), ".lab", host);
}

export function sshdLogPath(host: string): string {
  return path.join(hostDir(host), "sshd", "sshd.log");
}

/** OpenSSH's SHA256 fingerprint of a public key blob (base64 without padding). */
function fingerprintOfBlob(base64Blob: string): string {
  const digest = createHash("sha256").update(Buffer.from(base64Blob, "base64")).digest("base64");
  return `SHA256:${digest.replace(/=+$/, "")}`;
}

function fingerprintOfPubFile(file: string): string {
  const blob = readFileSync(file, "utf8").trim().split(/\s+/)[1];
  if (!blob) throw new Error(`lab: ${file} is not an OpenSSH public key`);
  return fingerprintOfBlob(blob);
}

/** The fingerprint of the ed25519 key HOST's sshd offers right now (null if no answer). */
export async function servedFingerprint(host: string, timeoutSeconds = 3): Promise<string | null> {
  const h = labHost(host);
  const res = await run(["ssh-keyscan", "-T", String(timeoutSeconds), "-t", "ed25519", "-p", String(h.port), h.address], {
    timeoutMs: (timeoutSeconds + 5) * 1000,
  });
  const line = res.stdout.split("\n").find((l) => l.includes(" ssh-ed25519 "));
  const blob = line?.trim().split(/\s+/)[2];
  return blob ? fingerprintOfBlob(blob) : null;
}

async function reloadAndWaitFor(host: string, expected: string): Promise<void> {
  const pid = readFileSync(path.join(hostDir(host), "sshd", "sshd.pid"), "utf8").trim();
  if (!/^\d+$/.test(pid)) throw new Error(`lab: bad sshd pidfile for ${host}`);
  process.kill(Number(pid), "SIGHUP");
  // sshd re-executes on SIGHUP and briefly stops listening: poll until it serves the key.
  const deadline = Date.now() + 20_000;
  for (;;) {
    if ((await servedFingerprint(host, 2)) === expected) return;
    if (Date.now() > deadline) throw new Error(`lab: sshd on ${host} did not start serving ${expected}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Gives HOST a brand-new host key; returns its fingerprint. */
export async function rekey(host: string): Promise<string> {
  const dir = path.join(hostDir(host), "sshd");
  const tmp = path.join(dir, `rekey-${process.pid}-${Date.now()}`);
  const gen = await run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", `${host}-rekeyed`, "-f", tmp]);
  if (gen.code !== 0) throw new Error(`lab: ssh-keygen failed: ${gen.stderr}`);
  const fingerprint = fingerprintOfPubFile(`${tmp}.pub`);
  renameSync(tmp, path.join(dir, "ssh_host_ed25519_key"));
  rmSync(`${tmp}.pub`, { force: true });
  await reloadAndWaitFor(host, fingerprint);
  return fingerprint;
}

/** Puts HOST's pinned key (the one in hosts.json) back; returns its fingerprint. */
export async function restoreKey(host: string): Promise<string> {
  const dir = hostDir(host);
  const tmp = path.join(dir, "sshd", `restore-${process.pid}-${Date.now()}`);
  copyFileSync(path.join(dir, "ssh_host_ed25519_key"), tmp);
  renameSync(tmp, path.join(dir, "sshd", "ssh_host_ed25519_key"));
  const fingerprint = fingerprintOfPubFile(path.join(dir, "ssh_host_ed25519_key.pub"));
  await reloadAndWaitFor(host, fingerprint);
  return fingerprint;
}
