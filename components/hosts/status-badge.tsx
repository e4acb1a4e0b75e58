import { HOST_STATE_LABELS, type HostState } from "@/lib/domain/host/status";

const tone: Record<HostState, string> = {
  connected: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-200",
  unreachable: "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
  "auth-failed": "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-200",
  "host-key-changed": "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-200",
  "host-key-unknown": "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200",
  "libvirt-unavailable": "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200",
  "permission-denied": "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200",
  error: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-200",
};

/** The state as a word, never as colour alone. */
export function StatusBadge({ state }: { state: HostState | "checking" }) {
  if (state === "checking") {
    return <span className="inline-block rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">Checking…</span>;
  }
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${tone[state]}`}>{HOST_STATE_LABELS[state]}</span>;
}
