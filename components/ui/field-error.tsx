/** A field's own message, linked to its input by id (aria-describedby); tests and people find it on the field. `announce` also makes it an alert, for a field that saves on change and has no form to report on. */
export function FieldError({ id, message, announce }: { id: string; message?: string | null; announce?: boolean }) {
  return message ? <p id={id} role={announce ? "alert" : undefined} data-field-error className="mt-1 text-sm text-red-700 dark:text-red-400">{message}</p> : null;
}
