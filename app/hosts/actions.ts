"use server";

import { ok, type ActionResult } from "@/lib/actions/result";
import { authorize } from "@/lib/auth/guard";
import { parseInput } from "@/lib/actions/parse-input";
import { editEndpointSchema, editHostSchema, hostEndpointSchema, hostIdSchema, repinSchema, trustedHostSchema } from "@/lib/domain/host/schema";
import * as hostService from "@/lib/hosts";
import type { HostKeyInfo, PublicKeyOffer } from "@/lib/hosts";

// Hosts hold root-equivalent credentials, so every change here is admin-only.
// Each action: authorize → parse → call lib/hosts → return its ActionResult.

/** "Add host": fetches the key the host offers; nothing secret is sent or stored. */
export async function probeHostKey(input: unknown): Promise<ActionResult<HostKeyInfo>> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const parsed = parseInput(hostEndpointSchema, input);
  if (!parsed.ok) return parsed;
  return hostService.probeHostKey(parsed.data);
}

/** The same, when editing an existing host (its own name is not "taken"). */
export async function probeEditedHostKey(input: unknown): Promise<ActionResult<HostKeyInfo>> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const parsed = parseInput(editEndpointSchema, input);
  if (!parsed.ok) return parsed;
  return hostService.probeHostKey(parsed.data.endpoint, parsed.data.hostId);
}

/** "Trust this host key": the one call that carries the credentials. */
export async function addHost(input: unknown): Promise<ActionResult<{ id: string; name: string }>> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const parsed = parseInput(trustedHostSchema, input);
  if (!parsed.ok) return parsed;
  return hostService.addHost(auth.operator, parsed.data);
}

export async function editHost(input: unknown): Promise<ActionResult<{ id: string; name: string }>> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const parsed = parseInput(editHostSchema, input);
  if (!parsed.ok) return parsed;
  return hostService.editHost(auth.operator, parsed.data);
}

export async function removeHost(input: unknown): Promise<ActionResult<{ name: string }>> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const parsed = parseInput(hostIdSchema, input);
  if (!parsed.ok) return parsed;
  return hostService.removeHost(auth.operator, parsed.data.hostId);
}

export async function repinHostKey(input: unknown): Promise<ActionResult<{ fingerprint: string }>> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const parsed = parseInput(repinSchema, input);
  if (!parsed.ok) return parsed;
  return hostService.repinHostKey(auth.operator, parsed.data.hostId, parsed.data.fingerprint);
}

/** "Generate key pair" (takes no input): the private key stays on the server; the browser gets the public line. */
export async function generateKeyPair(): Promise<ActionResult<PublicKeyOffer>> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  return ok(hostService.createGeneratedKey(auth.operator.id));
}
