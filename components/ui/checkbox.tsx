"use client";

import { useId, type ComponentProps, type ReactNode } from "react";

type Props = Omit<ComponentProps<"input">, "type" | "className"> & { label: ReactNode; className?: string };

/** The one checkbox with its label beside it (clicking the label toggles it). */
export function Checkbox({ id: givenId, label, className, ...input }: Props) {
  const ownId = useId();
  const id = givenId ?? ownId;
  return (
    <div className={className ?? "flex items-center gap-2"}>
      <input id={id} type="checkbox" {...input} />
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
    </div>
  );
}
