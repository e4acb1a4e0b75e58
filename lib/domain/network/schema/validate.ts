// One call for server actions and the XML editor: validate a spec (or the
// wizard's values) and get per-field messages keyed by dotted path, the shape
// ActionFailure.fieldErrors carries to the browser.
import type { z } from "zod";
import type { NetworkSpec } from "../spec";
import { specSchema, type HostContext } from "./spec";
import { wizardSchema, type WizardValues } from "./wizard";

export type FieldErrors = Record<string, string>;
export type Validated<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors };

/** The first message for each field, keyed "ipv4.dhcp.ranges.0.start". */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const i of error.issues) {
    const key = i.path.map(String).join(".");
    if (!(key in out)) out[key] = i.message;
  }
  return out;
}

export function validateSpec(input: unknown, host: HostContext = {}): Validated<NetworkSpec> {
  const r = specSchema(host).safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, fieldErrors: fieldErrorsOf(r.error) };
}

export function validateWizard(input: unknown, host: HostContext = {}): Validated<WizardValues> {
  const r = wizardSchema(host).safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, fieldErrors: fieldErrorsOf(r.error) };
}
