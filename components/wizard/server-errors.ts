import type { UseFormSetError } from "react-hook-form";
import type { ActionFailure } from "@/lib/actions/result";
import type { WizardValues } from "@/lib/domain/network";
import type { WizardPath } from "./field";

/** Puts the server's field errors on their fields; returns the paths it placed. */
export function placeServerErrors(setError: UseFormSetError<WizardValues>, failure: ActionFailure): string[] {
  const paths = Object.keys(failure.fieldErrors ?? {});
  for (const path of paths) setError(path as WizardPath, { type: "server", message: failure.fieldErrors![path] });
  return paths;
}
