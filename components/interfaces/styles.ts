// Shared class names of the interfaces and VM NIC pages. Row actions are the
// ui button set's secondary button; a destructive one reads red.
import { secondaryButton } from "@/components/ui";

export const button = secondaryButton;
export const dangerButton = `${secondaryButton} text-red-700 dark:text-red-400`;
export const cell = "py-2 pr-4 align-top";
export const head = "border-b border-zinc-200 text-zinc-500 dark:border-zinc-800 dark:text-zinc-400";
export const rowLine = "border-b border-zinc-100 dark:border-zinc-800";
export const section = "space-y-3";
