// What the host list shows for one host. Pure data, shared by the server that
// fills it and the row that draws it.

export const HOST_STATES = [
  "connected",
  "unreachable",
  "auth-failed",
  "host-key-changed",
  "host-key-unknown",
  "libvirt-unavailable",
  "permission-denied",
  "error",
] as const;
export type HostState = (typeof HOST_STATES)[number];

export const HOST_STATE_LABELS: Record<HostState, string> = {
  connected: "Connected",
  unreachable: "Unreachable",
  "auth-failed": "Authentication failed",
  "host-key-changed": "Host key changed",
  "host-key-unknown": "Host key not trusted",
  "libvirt-unavailable": "libvirt not running",
  "permission-denied": "Permission denied",
  error: "Error",
};

export type HostVersions = { libvirt: string | null; qemu: string | null };
export type HostCounts = { networks: number; vms: number };

export type HostStatus = {
  hostId: string;
  state: HostState;
  /** One line for the operator; for "connected", null. */
  message: string | null;
  versions: HostVersions | null;
  counts: HostCounts | null;
  /** ISO time the host last answered, from this check or an earlier one. */
  lastSeenAt: string | null;
  /** For host-key-changed / host-key-unknown: what the host offers now. */
  offeredKey: { keyType: string; fingerprint: string } | null;
  /** For host-key-changed: the pinned fingerprint. */
  pinnedFingerprint: string | null;
};

/** The host list row as the server renders it, before any status is known. No secrets. */
export type HostSummary = {
  id: string;
  name: string;
  address: string;
  port: number;
  username: string;
  authKind: "key" | "password";
  hostKeyType: string | null;
  hostKeyFingerprint: string | null;
  lastSeenAt: string | null;
  lastStatus: string | null;
};

/** "Generate key pair": what the browser gets. The private key stays on the server behind keyPairId. */
export type PublicKeyOffer = { keyPairId: string; publicKey: string; fingerprint: string };
