import { useId, type InputHTMLAttributes } from "react";

// Small form pieces shared by the DHCP and DNS tabs: a labelled input whose
// error is tied to it (aria-describedby), and the tabs' button styles.

export const buttonClass = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800";
export const smallButtonClass = "rounded border border-zinc-300 px-2 py-0.5 text-xs hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800";

type FieldProps = { label: string; error?: string } & InputHTMLAttributes<HTMLInputElement>;

export function Field({ label, error, ...input }: FieldProps) {
  const id = useId();
  return (
    <div className="space-y-1 text-sm">
      <label htmlFor={id} className="block font-medium">{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} autoComplete="off" spellCheck={false} {...input}
        className="w-full rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900" />
      {error ? <p id={`${id}-error`} data-field-error className="text-xs text-red-700 dark:text-red-400">{error}</p> : null}
    </div>
  );
}

export function FormError({ message }: { message: string | null }) {
  return message ? <p role="alert" className="whitespace-pre-wrap text-sm text-red-700 dark:text-red-400">{message}</p> : null;
}
