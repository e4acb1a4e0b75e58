"use client";

import { useId, type ComponentProps, type ReactNode } from "react";
import { FieldError } from "./field-error";
import { inputClass, labelClass } from "./styles";

type Props = Omit<ComponentProps<"select">, "className"> & {
  label: ReactNode;
  error?: string | null;
  /** The error is an alert (a select that saves on change, with no form around it). */
  announceError?: boolean;
  className?: string;
};

/** The one labelled select, with its error linked as TextField's is. Options are its children. */
export function Select({ id: givenId, label, error, announceError, className, children, ...select }: Props) {
  const ownId = useId();
  const id = givenId ?? ownId;
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>{label}</label>
      <select id={id} aria-invalid={error ? true : false} aria-describedby={error ? `${id}-error` : undefined} {...select} className={inputClass}>
        {children}
      </select>
      <FieldError id={`${id}-error`} message={error} announce={announceError} />
    </div>
  );
}
