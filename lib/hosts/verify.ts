import "server-only";
import { randomUUID } from "node:crypto";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import type { Operator } from "@/lib/auth/roles";
import type { HostForm } from "@/lib/domain/host/schema";
import type { HostVersions } from "@/lib/domain/host/status";
import { isSecretError } from "@/lib/secrets/errors";
import { closeHost, type SshAuth } from "@/lib/ssh";
import { readGeneratedKey } from "./generated-keys";
import { runOnboardingChecks } from "./onboarding";

// Shared by add and edit: the credentials from the form, tried against the
// host whose key the operator trusted, through the onboarding checks.

export async function credentialsOf(operator: Operator, form: HostForm): Promise<ActionResult<SshAuth>> {
  if (form.authKind === "password") return ok({ kind: "password", password: form.password ?? "" });
  if (!form.generatedKeyId) return ok({ kind: "key", privateKey: form.privateKey ?? "" });
  let privateKey: string | null;
  try {
    privateKey = await readGeneratedKey(operator.id, form.generatedKeyId);
  } catch (err) {
    if (!isSecretError(err)) throw err;
    return fail("secret-unreadable", err.message, { privateKey: err.message });
  }
  if (!privateKey) {
    const message = "The generated key pair has expired; generate a new one (and put its public key on the host).";
    return fail("key-expired", message, { privateKey: message });
  }
  return ok({ kind: "key", privateKey });
}

export type Verified = { auth: SshAuth; versions: HostVersions };
export type Verification = { outcome: ActionResult<Verified>; commands: string[][] };

export async function verifyHost(operator: Operator, form: HostForm, fingerprint: string): Promise<Verification> {
  const auth = await credentialsOf(operator, form);
  if (!auth.ok) return { outcome: auth, commands: [] };
  // A throw-away pool entry: the checks must not reuse (or leave behind) a
  // connection of a stored host.
  const target = { id: `onboarding:${randomUUID()}`, address: form.address, port: form.port, username: form.username, auth: auth.data, pinnedFingerprint: fingerprint };
  try {
    const { outcome, commands } = await runOnboardingChecks(target, { name: form.name, username: form.username, authKind: form.authKind });
    return { outcome: outcome.ok ? ok({ auth: auth.data, versions: outcome.data }) : outcome, commands };
  } finally {
    closeHost(target.id);
  }
}

export const describeVersions = (v: HostVersions) => `libvirt ${v.libvirt ?? "unknown"}, QEMU ${v.qemu ?? "unknown"}`;
