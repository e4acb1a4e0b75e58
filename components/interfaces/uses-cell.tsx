import type { UseView } from "@/lib/domain/interfaces/host-view";

const TONE: Record<UseView["kind"], string> = {
  ssh: "text-amber-700 dark:text-amber-400",
  network: "text-brand-600 dark:text-brand-500",
  vm: "text-zinc-800 dark:text-zinc-200",
};

/** "Used by": a libvirt network, a VM or the console's own SSH session. */
export function UsesCell({ uses }: { uses: UseView[] }) {
  if (uses.length === 0) return <span className="text-zinc-500">Nothing</span>;
  return (
    <ul className="space-y-0.5">
      {uses.map((u) => <li key={u.text} data-use={u.kind} className={TONE[u.kind]}>{u.text}</li>)}
    </ul>
  );
}
