"use client";

import type { ReactNode } from "react";
import { get, useFormContext, type FieldPath } from "react-hook-form";
import { Checkbox, TextField as UiTextField } from "@/components/ui";
import type { WizardValues } from "@/lib/domain/network";

// The wizard's fields: the shared form parts (components/ui) bound to the
// wizard's react-hook-form by name, so an error sits under the field that
// caused it, linked by aria-describedby, with aria-invalid set while it has one.

export type WizardPath = FieldPath<WizardValues>;

export function useFieldError(name: WizardPath): string | undefined {
  const { formState } = useFormContext<WizardValues>();
  return (get(formState.errors, name) as { message?: string } | undefined)?.message;
}

type TextProps = { name: WizardPath; label: string; readOnlyValue?: string; onEdit?: () => void; onValue?: (value: string) => void; hint?: ReactNode };

/** A text field bound to the form, or (with readOnlyValue) a read-only one that only shows a derived value. */
export function TextField({ name, label, readOnlyValue, onEdit, onValue, hint }: TextProps) {
  const { register } = useFormContext<WizardValues>();
  const error = useFieldError(name);
  if (readOnlyValue !== undefined) return <UiTextField label={label} readOnly value={readOnlyValue} />;
  const field = register(name, {
    onChange: (e: { target: { value: string } }) => {
      onEdit?.();
      onValue?.(e.target.value);
    },
  });
  return <UiTextField label={label} {...field} autoComplete="off" spellCheck={false} error={error} hint={hint} />;
}

export function CheckField({ name, label }: { name: WizardPath; label: string }) {
  const { register } = useFormContext<WizardValues>();
  return <Checkbox label={label} {...register(name)} />;
}
