import { LEGEND_STATES, STATE_STYLE, KIND_BADGE, KIND_NAME } from "./state-style";
import type { TopologyNodeKind } from "@/lib/domain/topology";

const KINDS: TopologyNodeKind[] = ["vm", "tap", "network", "bridge", "nic", "lan"];

/** What the colours, badges and dashes mean. */
export function Legend({ folded }: { folded: boolean }) {
  return (
    <section aria-label="Legend" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
      {LEGEND_STATES.map((s) => (
        <span key={s} className="flex items-center gap-1">
          <span className={`h-2.5 w-2.5 rounded-full ${STATE_STYLE[s].dot}`} />
          {STATE_STYLE[s].label}
        </span>
      ))}
      {KINDS.map((k) => (
        <span key={k} className="flex items-center gap-1">
          <span className={`rounded px-1 text-[10px] font-semibold ${KIND_BADGE[k].className}`}>{KIND_BADGE[k].text}</span>
          {KIND_NAME[k]}
        </span>
      ))}
      <span className="flex items-center gap-1">
        <svg width="28" height="6" aria-hidden="true"><line x1="0" y1="3" x2="28" y2="3" stroke="currentColor" strokeDasharray="6 4" /></svg>
        From configuration (not live)
      </span>
      {folded && <span>VM interfaces are folded into VM → network edges.</span>}
    </section>
  );
}
