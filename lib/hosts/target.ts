import "server-only";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import type { HostRow } from "@/lib/db/schema";
import { openHostSecret } from "@/lib/secrets/host-secrets";
import type { SshTarget } from "@/lib/ssh/types";
import { HostLookupError } from "./errors";
import { findHostRow } from "./records";

/** The SshTarget for a stored row: credentials decrypted, the pinned key as stored. */
export function targetOfRow(row: HostRow): ActionResult<SshTarget> {
  const secret = openHostSecret(row, row.authKind === "key" ? "privateKey" : "password");
  if (!secret.ok) return secret;
  return ok({
    id: row.id,
    address: row.address,
    port: row.port,
    username: row.username,
    auth: row.authKind === "key" ? { kind: "key", privateKey: secret.data } : { kind: "password", password: secret.data },
    pinnedFingerprint: row.hostKeyFingerprint,
  });
}

/** Like getHostTarget, as an ActionResult an action can return as it is. */
export async function findHostTarget(hostIdOrName: string): Promise<ActionResult<{ row: HostRow; target: SshTarget }>> {
  const row = await findHostRow(hostIdOrName);
  if (!row) return fail("host-not-found", `There is no host "${hostIdOrName}".`);
  const target = targetOfRow(row);
  return target.ok ? ok({ row, target: target.data }) : target;
}

/**
 * How every feature reaches a registered host: pass the result to lib/ssh.
 * Server-only: the result holds the decrypted private key or password, so it
 * must never be returned from an action or rendered. The transport refuses the
 * host (HostKeyChanged) when its key differs from the pinned one, so nothing
 * runs on a host whose key changed until an admin re-pins it.
 * Throws HostLookupError for an unknown host or an unreadable secret.
 */
export async function getHostTarget(hostIdOrName: string): Promise<SshTarget> {
  const found = await findHostTarget(hostIdOrName);
  if (!found.ok) throw new HostLookupError(found.code as "host-not-found" | "secret-unreadable", found.message);
  return found.data.target;
}
