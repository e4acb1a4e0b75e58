// Shared input styling, with the invalid state drawn from aria-invalid so the
// look and the accessibility tree can never disagree.
export const inputClass =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm aria-invalid:border-red-600 disabled:opacity-70 dark:border-zinc-700 dark:bg-zinc-950";
export const errorClass = "mt-1 text-sm text-red-700 dark:text-red-400";
export const secondaryButton = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";
