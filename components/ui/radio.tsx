"use client";

import { useId, type ComponentProps, type ReactNode } from "react";

type Props = Omit<ComponentProps<"input">, "type" | "className"> & { label: ReactNode; className?: string };

/**
 * The one radio button with its label beside it, as Checkbox is: its label is
 * its accessible name. A set of them goes in a role="radiogroup" with a name.
 */
export function Radio({ id: givenId, label, className, ...input }: Props) {
  const ownId = useId();
  const id = givenId ?? ownId;
  return (
    <div className={className ?? "flex items-center gap-2"}>
      <input id={id} type="radio" {...input} />
      <label htmlFor={id} className={`text-sm font-medium ${input.disabled ? "opacity-60" : ""}`}>{label}</label>
    </div>
  );
}
