import type { DiffLine } from "@/lib/domain/plan";

const TONE = {
  same: "text-zinc-600 dark:text-zinc-400",
  added: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200",
  removed: "bg-red-50 text-red-900 dark:bg-red-950/50 dark:text-red-200",
} as const;
const MARK = { same: " ", added: "+", removed: "-" } as const;

/** The edit against the host's current definition, line by line. */
export function XmlDiff({ lines }: { lines: DiffLine[] }) {
  return (
    <pre aria-label="Changes against the current XML" className="max-h-80 overflow-auto rounded bg-zinc-50 p-2 font-mono text-xs dark:bg-zinc-900">
      {lines.map((l, i) => (
        <div key={i} data-diff={l.kind} className={TONE[l.kind]}>{MARK[l.kind]} {l.text}</div>
      ))}
    </pre>
  );
}
