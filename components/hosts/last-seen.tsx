"use client";

import { useEffect, useState } from "react";

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

function relative(at: string, now: number): string {
  const ago = now - new Date(at).getTime();
  const [unit, size] = units.find(([, ms]) => ago >= ms) ?? ["second", 0];
  return size === 0 ? "just now" : new Intl.RelativeTimeFormat("en", { numeric: "auto" }).format(-Math.floor(ago / size), unit);
}

/** The clock is read after mounting (and every 30 s), so server and browser render the same first. */
function useNow(): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const every = setInterval(tick, 30_000);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, []);
  return now;
}

/** "just now", "5 minutes ago"; the exact time is in the title and the datetime attribute. */
export function LastSeen({ at }: { at: string | null }) {
  const now = useNow();
  if (!at) return <span className="text-zinc-500">never</span>;
  return (
    <time dateTime={at} title={at}>
      {now === null ? at.slice(0, 16).replace("T", " ") : relative(at, now)}
    </time>
  );
}
