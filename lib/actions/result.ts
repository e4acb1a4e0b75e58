// The one shape every server action returns. Actions never throw across the
// wire: the browser gets a typed failure it can place on the right field.

export type FieldErrors = Record<string, string>;

export type ActionFailure = {
  ok: false;
  /** Stable code the UI can switch on, e.g. "unauthenticated", "forbidden", "invalid", "host-unreachable". */
  code: string;
  /** One line written for an operator. */
  message: string;
  /** Per-field messages, keyed by the form field's name (dotted path for nested fields). */
  fieldErrors?: FieldErrors;
};

export type ActionResult<T = undefined> = { ok: true; data: T } | ActionFailure;

export const ok = <T>(data: T): ActionResult<T> => ({ ok: true, data });

export const fail = (code: string, message: string, fieldErrors?: FieldErrors): ActionFailure =>
  fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
