"use client";

import { useId, useState, type ReactNode } from "react";

/** WAI-ARIA tabs: one panel shown at a time, arrow keys move between tabs. */
export function Tabs({ tabs, label }: { tabs: { name: string; content: ReactNode }[]; label: string }) {
  const base = useId();
  const [current, setCurrent] = useState(0);
  const move = (to: number) => {
    const next = (to + tabs.length) % tabs.length;
    setCurrent(next);
    document.getElementById(`${base}-tab-${next}`)?.focus();
  };
  return (
    <div>
      <div role="tablist" aria-label={label} className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800"
        onKeyDown={(e) => { if (e.key === "ArrowRight") move(current + 1); if (e.key === "ArrowLeft") move(current - 1); }}>
        {tabs.map((t, i) => (
          <button key={t.name} id={`${base}-tab-${i}`} type="button" role="tab" aria-selected={i === current} aria-controls={`${base}-panel-${i}`} tabIndex={i === current ? 0 : -1}
            onClick={() => setCurrent(i)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${i === current ? "border-brand-600 text-brand-600 dark:text-brand-500" : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"}`}>
            {t.name}
          </button>
        ))}
      </div>
      {tabs.map((t, i) => (
        <div key={t.name} id={`${base}-panel-${i}`} role="tabpanel" aria-labelledby={`${base}-tab-${i}`} hidden={i !== current} className="pt-4">
          {i === current ? t.content : null}
        </div>
      ))}
    </div>
  );
}
