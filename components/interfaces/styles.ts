// Shared class names of the interfaces and VM NIC pages.
export const button = "rounded-md border border-zinc-300 px-2.5 py-1 text-sm font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800";
export const dangerButton = `${button} text-red-700 dark:text-red-400`;
export const cell = "py-2 pr-4 align-top";
export const head = "border-b border-zinc-200 text-zinc-500 dark:border-zinc-800 dark:text-zinc-400";
export const rowLine = "border-b border-zinc-100 dark:border-zinc-800";
export const section = "space-y-3";
