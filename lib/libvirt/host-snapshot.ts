import "server-only";
import { randomBytes } from "node:crypto";
import { CommandFailed, runScript, type SshTarget } from "@/lib/ssh";
import { virshFailure, virshTimedOut } from "@/lib/libvirt/errors";
import type { HostSnapshot } from "@/lib/domain/host/snapshot";
import { parseSnapshotOutput } from "@/lib/domain/host/snapshot-parse";
import { SNAPSHOT_SCRIPT } from "./snapshot-script";

// The one way the console reads a host: one SSH exec of the fixed snapshot
// script, parsed into a HostSnapshot. Concurrent reads of the same host share
// the exec that is already running, so a page and an event refetch arriving
// together still cost one round trip.

export const SNAPSHOT_TIMEOUT_MS = 20_000;

const inFlight = new Map<string, Promise<HostSnapshot>>();

export type ReadOptions = { timeoutMs?: number };

export function readHostSnapshot(target: SshTarget, options: ReadOptions = {}): Promise<HostSnapshot> {
  const running = inFlight.get(target.id);
  if (running) return running;
  const read = readOnce(target, options.timeoutMs ?? SNAPSHOT_TIMEOUT_MS).finally(() => inFlight.delete(target.id));
  inFlight.set(target.id, read);
  return read;
}

const SNAPSHOT_ARGV = ["virsh", "-c", "qemu:///system", "(host snapshot)"];

async function readOnce(target: SshTarget, timeoutMs: number): Promise<HostSnapshot> {
  const nonce = randomBytes(16).toString("hex");
  // virsh gets a second less than the whole exec, so a hung libvirtd reads as
  // "not responding" with the kernel facts still delivered.
  const virshSeconds = String(Math.max(1, Math.floor(timeoutMs / 1000) - 1));
  const result = await runScript(target, SNAPSHOT_SCRIPT, [nonce, virshSeconds], { timeoutMs, maxOutputBytes: 64 << 20 });
  const host = `${target.address}:${target.port}`;
  const section = result.sections[0];
  const parsed = parseSnapshotOutput(section?.stdout ?? "", nonce);
  const { virsh } = parsed;
  if (!virsh.ran) throw new CommandFailed(host, SNAPSHOT_ARGV, 127, "virsh is not installed on this host (libvirt-clients)");
  if (virsh.exitCode === 124 || virsh.exitCode === 137) throw virshTimedOut(host, virsh.stderr);
  if (/failed to connect to the hypervisor/i.test(virsh.stderr)) {
    throw virshFailure({ host, username: target.username, argv: SNAPSHOT_ARGV, code: virsh.exitCode, stderr: virsh.stderr });
  }
  if (!parsed.complete || !virsh.complete) {
    throw new CommandFailed(host, SNAPSHOT_ARGV, result.code, section?.stderr || virsh.stderr || "the host snapshot was cut short");
  }
  return parsed.snapshot;
}
