import { createHash } from "node:crypto";

// Which server runs a host's event script, when several share one PostgreSQL:
// the one holding the host's lease, a session advisory lock taken with
// pg_try_advisory_lock on the server's dedicated event connection (store-channel.ts).
//
// Why an advisory lock and not a lease row with an expiry renewed every 2 s:
// - the lock lives exactly as long as the holder's connection. A holder killed
//   with SIGKILL has its socket closed by the kernel, PostgreSQL frees the lock
//   at once, and the next server's 2 s retry takes it: no expiry to wait out,
//   no clocks to agree on, no renewal writes per host;
// - the holder cannot lose the lock without losing that connection, which it
//   sees (an error, or the 5 s health probe), and it then stops its host loops
//   straight away. With a lease row a stalled holder could keep watching after
//   its row expired and another server took over, and two scripts would run.
// The lock's one weakness, a connection that hangs half-open on PostgreSQL's
// side, keeps the lock with a holder that is still alive: no second script runs.

/** Lock keys live in one 64-bit space shared with any other advisory-lock user of the database; this tag keeps ours apart. */
const NAMESPACE = "switchyard:live-events:host:";

/**
 * The host's lock key: 64 bits of SHA-256 of its id, as a signed bigint
 * (PostgreSQL's bigint). 64 bits, not the 32 of the two-key form: two hosts
 * sharing a key would leave one of them unwatched wherever the other is held.
 */
export function hostLeaseKey(hostId: string): bigint {
  return createHash("sha256").update(NAMESPACE + hostId).digest().readBigInt64BE(0);
}

/** How often a server with listeners for a host it does not hold tries to take the lease. */
export const LEASE_RETRY_MS = 2_000;
