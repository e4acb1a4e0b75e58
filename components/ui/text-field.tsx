"use client";

import { useId, type ComponentProps, type ReactNode } from "react";
import { FieldError } from "./field-error";
import { inputClass, labelClass } from "./styles";

type Props = Omit<ComponentProps<"input">, "className"> & {
  label: ReactNode;
  error?: string | null;
  /** Shown under the input, above its error. */
  hint?: ReactNode;
  /** Addresses, MACs, names: a fixed-width face, no autocorrect. */
  mono?: boolean;
  className?: string;
};

/** The one labelled text input: its error is linked (aria-describedby), announced (aria-invalid) and visible. */
export function TextField({ id: givenId, label, error, hint, mono, className, ...input }: Props) {
  const ownId = useId();
  const id = givenId ?? ownId;
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>{label}</label>
      <input
        id={id}
        aria-invalid={error ? true : false}
        aria-describedby={error ? `${id}-error` : undefined}
        {...(mono ? { autoComplete: "off", spellCheck: false } : {})}
        {...input}
        className={mono ? `${inputClass} font-mono` : inputClass}
      />
      {hint}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
