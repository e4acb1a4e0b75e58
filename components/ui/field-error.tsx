/** A field's own message, linked to its input by id (aria-describedby); tests and people find it on the field. */
export function FieldError({ id, message }: { id: string; message?: string | null }) {
  return message ? <p id={id} data-field-error className="mt-1 text-sm text-red-700 dark:text-red-400">{message}</p> : null;
}
