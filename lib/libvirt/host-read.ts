import "server-only";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import { findHostTarget } from "@/lib/hosts";
import { isSshError, type SshTarget } from "@/lib/ssh";
import type { HostRef, HostView } from "@/lib/domain/host/snapshot";
import { readHostSnapshot, type ReadScope } from "./host-snapshot";

// A registered host's snapshot as a typed result for pages, route handlers and
// actions: the host's name and id, or the failure an operator can act on.

export type { HostRef, HostView };

function sshFailure(error: unknown) {
  if (isSshError(error)) return fail(error.kind, error.message);
  console.error("host read failed", error);
  return fail("internal", "Reading the host failed unexpectedly; see the server log.");
}

export async function withHost<T>(hostIdOrName: string, work: (host: HostRef, target: SshTarget) => Promise<T>): Promise<ActionResult<T>> {
  const found = await findHostTarget(hostIdOrName);
  if (!found.ok) return found;
  const host = { id: found.data.row.id, name: found.data.row.name };
  try {
    return ok(await work(host, found.data.target));
  } catch (error) {
    return sshFailure(error);
  }
}

export function readHostView(hostIdOrName: string, scope: ReadScope): Promise<ActionResult<HostView>> {
  return withHost(hostIdOrName, async (host, target) => ({ host, snapshot: await readHostSnapshot(target, { scope }) }));
}
