"use client";

import { useId, type ComponentProps, type ReactNode } from "react";
import { FieldError } from "./field-error";
import { inputClass, labelClass } from "./styles";

type Props = Omit<ComponentProps<"textarea">, "className"> & {
  label: ReactNode;
  error?: string | null;
  /** Keys, forwarder lists, addresses: a fixed-width face, no autocorrect. */
  mono?: boolean;
  className?: string;
};

/** TextField for several lines: the same label, linked error and invalid state. */
export function TextArea({ id: givenId, label, error, mono, className, ...area }: Props) {
  const ownId = useId();
  const id = givenId ?? ownId;
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>{label}</label>
      <textarea
        id={id}
        aria-invalid={error ? true : false}
        aria-describedby={error ? `${id}-error` : undefined}
        {...(mono ? { autoComplete: "off", spellCheck: false } : {})}
        {...area}
        className={mono ? `${inputClass} font-mono` : inputClass}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
