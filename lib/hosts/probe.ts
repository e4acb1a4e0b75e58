import "server-only";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import type { HostEndpoint } from "@/lib/domain/host/schema";
import { fetchHostKey, isSshError, type HostKeyInfo } from "@/lib/ssh";
import { isNameTaken } from "./records";

/**
 * Step one of adding or editing: the key the host offers, fetched without
 * authenticating (no username, password or signature is sent), for the
 * operator to compare and trust.
 */
export async function probeHostKey(endpoint: HostEndpoint, editingHostId?: string): Promise<ActionResult<HostKeyInfo>> {
  if (await isNameTaken(endpoint.name, editingHostId)) {
    return fail("invalid", `A host named "${endpoint.name}" already exists.`, { name: `A host named "${endpoint.name}" already exists.` });
  }
  try {
    return ok(await fetchHostKey(endpoint.address, endpoint.port));
  } catch (error) {
    if (!isSshError(error)) throw error;
    return fail(error.kind, `${error.message}. Check the address and port.`, { address: error.message });
  }
}
