import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionFailure } from "@/lib/actions/result";

/** Places an action's failure on the form: per-field messages on their fields, the rest on the form. */
export function applyFailure<T extends FieldValues>(setError: UseFormSetError<T>, failure: ActionFailure) {
  const fields = Object.entries(failure.fieldErrors ?? {});
  for (const [name, message] of fields) setError(name as Path<T>, { type: "server", message });
  if (fields.length === 0) setError("root.server" as Path<T>, { type: "server", message: failure.message });
}
