// The form look, in one place. The invalid state is drawn from aria-invalid,
// so what a person sees and what the accessibility tree says never disagree.

export const inputClass =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm aria-[invalid=true]:border-red-600 read-only:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-950 dark:read-only:bg-zinc-900";
export const labelClass = "block text-sm font-medium";
export const errorClass = "mt-1 text-sm text-red-700 dark:text-red-400";

/** The button set: the main action, a secondary one, a small one in a table row, and a destructive one. */
export const primaryButton = "rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
export const secondaryButton = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";
export const smallButton = "rounded border border-zinc-300 px-2 py-0.5 text-xs hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800";
export const dangerButton = "rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60";
