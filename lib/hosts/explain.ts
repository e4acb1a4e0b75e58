import "server-only";
import { fail, type ActionFailure } from "@/lib/actions/result";
import type { HostState } from "@/lib/domain/host/status";
import { isSshError, type SshError } from "@/lib/ssh/errors";
import { LIBVIRT_URI } from "@/lib/libvirt/uri";

// SSH failures, in the words an operator adding or checking a host needs: what
// went wrong, on which field, and what to do about it.

export type Who = { name: string; username: string; authKind: "key" | "password" };

export function stateOf(error: SshError): HostState {
  switch (error.kind) {
    case "unreachable":
    case "auth-failed":
    case "host-key-changed":
    case "host-key-unknown":
    case "libvirt-unavailable":
    case "permission-denied":
      // Each case is a HostState; the kind's type is open (adapters add kinds to the transport's).
      return error.kind as HostState;
    default:
      return "error";
  }
}

/** One line for a status cell. */
export function statusMessage(error: SshError, who: Who): string {
  switch (error.kind) {
    case "auth-failed":
      return `${who.name} did not accept the ${who.authKind === "key" ? "private key" : "SSH password"} of ${who.username}.`;
    case "permission-denied":
      return libvirtGroupMessage(who);
    default:
      return error.message;
  }
}

export function libvirtGroupMessage(who: Who): string {
  return (
    `${who.username} is not in the libvirt group on ${who.name}, so it may not use ${LIBVIRT_URI}. ` +
    `Add it there (usermod -aG libvirt ${who.username}) or use another user.`
  );
}

/** A failure while adding or editing a host, placed on the field to fix. */
export function onboardingFailure(error: unknown, who: Who): ActionFailure {
  if (!isSshError(error)) {
    console.error(`Checking host ${who.name} failed unexpectedly:`, error);
    return fail("error", `Checking ${who.name} failed unexpectedly; see the server log.`);
  }
  const secretField = who.authKind === "key" ? "privateKey" : "password";
  switch (error.kind) {
    case "auth-failed": {
      const message = statusMessage(error, who);
      return fail("auth-failed", message, { [secretField]: message });
    }
    case "unreachable":
      return fail("unreachable", `${error.message}. Check the address and port.`, { address: error.message });
    case "host-key-changed":
    case "host-key-unknown":
      return fail(
        error.kind,
        `${who.name} now offers a different host key than the one you trusted, so nothing was sent to it. Check the host, then add it again.`,
      );
    case "permission-denied": {
      const message = libvirtGroupMessage(who);
      return fail("permission-denied", message, { username: message });
    }
    case "libvirt-unavailable":
      return fail("libvirt-unavailable", `${error.message}. Start libvirtd there, then try again.`);
    default:
      return fail(error.kind, error.message);
  }
}
