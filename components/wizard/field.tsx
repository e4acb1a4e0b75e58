"use client";

import { useId, type ReactNode } from "react";
import { get, useFormContext, type FieldPath } from "react-hook-form";
import type { WizardValues } from "@/lib/domain/network";

// One labelled input of the wizard. Its error sits right under it, linked by
// aria-describedby, and aria-invalid is set while the field has one, so both
// people and tests find the message on the field that caused it.

export type WizardPath = FieldPath<WizardValues>;

export const inputClass =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm aria-[invalid=true]:border-red-500 read-only:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-950 dark:read-only:bg-zinc-900";

export function useFieldError(name: WizardPath): string | undefined {
  const { formState } = useFormContext<WizardValues>();
  return (get(formState.errors, name) as { message?: string } | undefined)?.message;
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? <p id={id} data-field-error className="mt-1 text-sm text-red-700 dark:text-red-400">{message}</p> : null;
}

type TextProps = { name: WizardPath; label: string; readOnlyValue?: string; onEdit?: () => void; onValue?: (value: string) => void; hint?: ReactNode };

/** A text field bound to the form, or (with readOnlyValue) a read-only one that only shows a derived value. */
export function TextField({ name, label, readOnlyValue, onEdit, onValue, hint }: TextProps) {
  const id = useId();
  const { register } = useFormContext<WizardValues>();
  const error = useFieldError(name);
  if (readOnlyValue !== undefined) {
    return (
      <div>
        <label htmlFor={id} className="block text-sm font-medium">{label}</label>
        <input id={id} readOnly value={readOnlyValue} className={inputClass} />
      </div>
    );
  }
  const field = register(name, {
    onChange: (e: { target: { value: string } }) => {
      onEdit?.();
      onValue?.(e.target.value);
    },
  });
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <input id={id} {...field} autoComplete="off" spellCheck={false} aria-invalid={error ? true : false} aria-describedby={error ? `${id}-error` : undefined} className={inputClass} />
      {hint}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function CheckField({ name, label }: { name: WizardPath; label: string }) {
  const id = useId();
  const { register } = useFormContext<WizardValues>();
  return (
    <div className="flex items-center gap-2">
      <input id={id} type="checkbox" {...register(name)} />
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
    </div>
  );
}
