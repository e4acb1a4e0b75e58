import "server-only";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import type { HostRow } from "@/lib/db/schema";
import { isSecretError } from "./errors";
import { openSecret, sealSecret, type SecretField } from "./seal";

const columnOf = { privateKey: "sealedPrivateKey", password: "sealedPassword" } as const;

/** Column values for a host's credentials; pass what the host uses, the other is cleared. */
export function sealHostCredentials(hostId: string, creds: { privateKey?: string; password?: string }) {
  return {
    sealedPrivateKey: creds.privateKey ? sealSecret(hostId, "privateKey", creds.privateKey) : null,
    sealedPassword: creds.password ? sealSecret(hostId, "password", creds.password) : null,
  };
}

/**
 * A host's decrypted credential, or a failure naming the host that an action
 * can return as is. Never throws for key or data problems.
 */
export function openHostSecret(host: Pick<HostRow, "id" | "name" | "sealedPrivateKey" | "sealedPassword">, field: SecretField): ActionResult<string> {
  const sealed = host[columnOf[field]];
  const label = field === "password" ? "SSH password" : "private key";
  if (!sealed) return fail("secret-missing", `Host "${host.name}" has no stored ${label}.`);
  try {
    return ok(openSecret(host.id, field, sealed, `host "${host.name}"`));
  } catch (err) {
    if (isSecretError(err)) return fail("secret-unreadable", err.message);
    return fail("secret-unreadable", `Cannot decrypt the ${label} of host "${host.name}".`);
  }
}
