import "server-only";
import type { HostCounts, HostState, HostStatus, HostVersions } from "@/lib/domain/host/status";
import type { HostRow } from "@/lib/db/schema";
import { closeHost, credentialsVersion, fetchHostKey, HostKeyChanged, HostKeyUnknown, isSshError, runBatch, sameFingerprint, type SshTarget } from "@/lib/ssh";
import { virshArgv } from "@/lib/libvirt/virsh";
import { stateOf, statusMessage, type Who } from "./explain";
import { findHostRow, recordCheck } from "./records";
import { HOST_STATUS_POLICY, SharedChecks } from "./shared-checks";
import { targetOfRow } from "./target";
import { countUuids, parseVirshVersion } from "./virsh-version";

// One host's row in the list. First the host key is fetched afresh (no login):
// a pooled connection made before the key changed would otherwise go on
// working, and nothing may run on a host whose key changed. Then one SSH exec
// (a batch of three virsh calls) over the pooled connection. A host that does
// not answer costs only its own connect timeout; each row asks separately.
// Checks are shared (lib/hosts/shared-checks.ts): concurrent requests for one
// host wait for one check, an answer is reused for 2 s, and a host
// that did not let us in is not dialled again until its backoff ends.

const STATUS_COMMANDS = [
  virshArgv("version"),
  virshArgv("net-list", ["--all", "--uuid"]),
  virshArgv("list", ["--all", "--uuid"]),
];
const STATUS_TIMEOUT_MS = 10_000;

// States in which the host did not let us in: dialling again at once would only
// repeat the connect timeout or the refused login.
const NOT_ANSWERED: ReadonlySet<HostState> = new Set(["unreachable", "host-key-changed", "host-key-unknown", "auth-failed"]);

const slot = Symbol.for("switchyard.hostStatusChecks");
const holder = globalThis as { [slot]?: SharedChecks<HostStatus> };
// On globalThis: Next may load this module once per route bundle, and two caches would mean two checks.
const checks = (holder[slot] ??= new SharedChecks<HostStatus>(
  HOST_STATUS_POLICY,
  (status) => NOT_ANSWERED.has(status.state),
));

type Reading = { state: HostState; message: string | null; versions?: HostVersions; counts?: HostCounts; error?: unknown };

/** Throws HostKeyChanged / HostKeyUnknown (and drops the pooled connection) unless the host offers the pinned key. */
async function checkOfferedKey(target: SshTarget): Promise<void> {
  const offered = await fetchHostKey(target.address, target.port);
  const label = `${target.address}:${target.port}`;
  if (target.pinnedFingerprint === null) throw new HostKeyUnknown(label, offered.keyType, offered.fingerprint);
  if (!sameFingerprint(target.pinnedFingerprint, offered.fingerprint)) {
    closeHost(target.id);
    throw new HostKeyChanged(label, target.pinnedFingerprint, offered.fingerprint, offered.keyType);
  }
}

async function readHost(target: SshTarget, who: Who): Promise<Reading> {
  try {
    await checkOfferedKey(target);
    const [version, networks, vms] = await runBatch(target, STATUS_COMMANDS, { timeoutMs: STATUS_TIMEOUT_MS });
    const failed = [version, networks, vms].find((r) => r?.error)?.error;
    if (failed) return { state: stateOf(failed), message: statusMessage(failed, who), error: failed };
    return {
      state: "connected",
      message: null,
      versions: parseVirshVersion(version!.stdout),
      counts: { networks: countUuids(networks!.stdout), vms: countUuids(vms!.stdout) },
    };
  } catch (error) {
    if (!isSshError(error)) throw error;
    return { state: stateOf(error), message: statusMessage(error, who), error };
  }
}

/** Null when the host does not exist. Shared with concurrent callers, and reused while fresh. */
export async function readHostStatus(hostIdOrName: string): Promise<HostStatus | null> {
  const row = await findHostRow(hostIdOrName);
  if (!row) return null;
  const target = targetOfRow(row);
  if (!target.ok) {
    const base = { hostId: row.id, versions: null, counts: null, offeredKey: null, pinnedFingerprint: row.hostKeyFingerprint };
    return { ...base, state: "error", message: target.message, lastSeenAt: row.lastSeenAt?.toISOString() ?? null };
  }
  // The name is part of the version because the messages name the host.
  const version = `${credentialsVersion(target.data)}:${row.name}`;
  return checks.get(row.id, version, () => checkHost(row, target.data));
}

async function checkHost(row: HostRow, target: SshTarget): Promise<HostStatus> {
  const base = { hostId: row.id, versions: null, counts: null, offeredKey: null, pinnedFingerprint: row.hostKeyFingerprint };
  const reading = await readHost(target, { name: row.name, username: row.username, authKind: row.authKind });
  // Answered = the SSH login worked, even if libvirt then refused.
  const answered = !NOT_ANSWERED.has(reading.state);
  const lastSeen = (await recordCheck(row.id, reading.state, answered)) ?? row.lastSeenAt;
  const key = reading.error instanceof HostKeyChanged
    ? { keyType: reading.error.keyType, fingerprint: reading.error.actual }
    : reading.error instanceof HostKeyUnknown
      ? { keyType: reading.error.keyType, fingerprint: reading.error.fingerprint }
      : null;
  return {
    ...base,
    state: reading.state,
    message: reading.message,
    versions: reading.versions ?? null,
    counts: reading.counts ?? null,
    lastSeenAt: lastSeen?.toISOString() ?? null,
    offeredKey: key,
  };
}
