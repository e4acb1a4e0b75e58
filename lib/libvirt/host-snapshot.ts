import "server-only";
import { randomBytes } from "node:crypto";
import { CommandFailed, runScript, Timeout, type SshTarget } from "@/lib/ssh";
import { virshFailure, virshTimedOut } from "@/lib/libvirt/errors";
import type { HostSnapshot } from "@/lib/domain/host/snapshot";
import { warmReadCommands, type SnapshotHint } from "@/lib/domain/host/snapshot-commands";
import { parseSnapshotOutput, type ParsedSnapshot } from "@/lib/domain/host/snapshot-parse";
import { forgetHint, hintFor, rememberHint } from "./snapshot-hints";
import { SNAPSHOT_SCRIPT, WARM_SNAPSHOT_SCRIPT } from "./snapshot-script";
import { LIBVIRT_URI } from "./uri";

// The one way the console reads a host: one SSH exec of a fixed snapshot
// script, parsed into a HostSnapshot. Warm when the previous read's UUIDs are
// known (one non-interactive virsh), cold otherwise (virsh lists, then dumps,
// in one interactive process). A warm read whose lists name something new is
// redone cold: the lists are the truth, the hint only saves a round of them.
// Concurrent reads of the same host share the exec that is already running, so
// a page and an event refetch arriving together still cost one round trip.

const SNAPSHOT_TIMEOUT_MS = 20_000;

const inFlight = new Map<string, Promise<HostSnapshot>>();

/**
 * full: libvirt and the kernel side (links, addresses, bridge ports, routes),
 * as topology, interfaces and the wizard's checks need. networks: libvirt
 * only, as the network pages need; its links, addresses, bridgePorts and
 * routes are empty.
 */
export type ReadScope = "full" | "networks";

export type ReadOptions = { timeoutMs?: number; scope?: ReadScope };

export function readHostSnapshot(target: SshTarget, options: ReadOptions = {}): Promise<HostSnapshot> {
  const scope = options.scope ?? "full";
  const key = `${target.id}\n${scope}`;
  const running = inFlight.get(key);
  if (running) return running;
  const read = readOnce(target, scope, options.timeoutMs ?? SNAPSHOT_TIMEOUT_MS).finally(() => inFlight.delete(key));
  inFlight.set(key, read);
  return read;
}

/** A libvirt event says the host changed (our own changes raise events too): the next read starts cold. */
export const forgetSnapshotHint = forgetHint;

const SNAPSHOT_ARGV = ["virsh", "-c", LIBVIRT_URI, "(host snapshot)"];

async function readOnce(target: SshTarget, scope: ReadScope, timeoutMs: number): Promise<HostSnapshot> {
  const hint = hintFor(target.id);
  const warm = hint ? await runSnapshot(target, scope, timeoutMs, hint) : null;
  const parsed = warm && warm.unread.length === 0 ? warm : await runSnapshot(target, scope, timeoutMs, null);
  rememberHint(target.id, parsed.listed);
  return parsed.snapshot;
}

async function runSnapshot(target: SshTarget, scope: ReadScope, timeoutMs: number, hint: SnapshotHint | null): Promise<ParsedSnapshot> {
  const nonce = randomBytes(16).toString("hex");
  const facts = scope === "full" ? "facts" : "";
  const commands = hint && warmReadCommands(nonce, hint);
  const [script, args] = commands ? [WARM_SNAPSHOT_SCRIPT, [nonce, facts, commands]] : [SNAPSHOT_SCRIPT, [nonce, facts]];
  const host = `${target.address}:${target.port}`;
  const result = await runScript(target, script, args, { timeoutMs, maxOutputBytes: 64 << 20 }).catch((error: unknown) => {
    forgetHint(target.id);
    // Only virsh can hang in these scripts: a remote timeout is libvirtd not answering.
    throw error instanceof Timeout && error.remote ? virshTimedOut(host, "") : error;
  });
  const section = result.sections[0];
  // virsh and its markers arrive on stdout, the kernel facts on stderr; markers find both.
  const parsed = parseSnapshotOutput(`${section?.stdout ?? ""}\n${section?.stderr ?? ""}`, nonce);
  const { virsh } = parsed;
  if (!virsh.ran) throw new CommandFailed(host, SNAPSHOT_ARGV, 127, "virsh is not installed on this host (libvirt-clients)");
  if (/failed to connect to the hypervisor/i.test(virsh.stderr)) {
    throw virshFailure({ host, username: target.username, argv: SNAPSHOT_ARGV, code: virsh.exitCode, stderr: virsh.stderr });
  }
  if (!parsed.complete || !virsh.complete) {
    throw new CommandFailed(host, SNAPSHOT_ARGV, result.code, virsh.stderr || section?.stderr || "the host snapshot was cut short");
  }
  return parsed;
}
