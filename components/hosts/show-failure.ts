import type { UseFormSetError } from "react-hook-form";
import type { ActionFailure } from "@/lib/actions/result";
import type { HostForm } from "@/lib/domain/host/schema";

const FORM_FIELDS = new Set(["name", "address", "port", "username", "authKind", "privateKey", "password"]);

/**
 * Puts a failure on the host form: each field message on its field, and the
 * whole message above the form as well, since a failed check (say, the
 * libvirt group) needs more words than fit under one input.
 */
export function showFailure(setError: UseFormSetError<HostForm>, failure: ActionFailure) {
  for (const [name, message] of Object.entries(failure.fieldErrors ?? {})) {
    if (FORM_FIELDS.has(name)) setError(name as keyof HostForm, { type: "server", message });
  }
  setError("root.server", { type: "server", message: failure.message });
}
