import { readLabHosts } from "@/lab/index";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { closeAllConnections } from "@/lib/ssh";
import { labSshTarget } from "./events";
import type { BenchLine } from "./run";

// Fleet fetch: every up lab host read in parallel through the one-round-trip
// reader, against the slowest of the same hosts read alone, side by side in
// each run. hv-down is left out of the ratio: it costs its connect timeout by
// design, and the fleet page shows it as an error row without waiting for it.

const RUNS = 7;

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export async function benchFleet(): Promise<BenchLine[]> {
  const targets = readLabHosts().filter((h) => h.up).map((h) => labSshTarget(h.name));
  try {
    // Warm: connections are pooled, as they are in the running server.
    await Promise.all(targets.map((t) => readHostSnapshot(t)));
    const fleet: number[] = [];
    const slowest: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const singles: number[] = [];
      for (const target of targets) singles.push(await timed(() => readHostSnapshot(target)));
      slowest.push(Math.max(...singles));
      fleet.push(await timed(() => Promise.all(targets.map((t) => readHostSnapshot(t)))));
    }
    const [all, one] = [median(fleet), median(slowest)];
    const names = targets.map((t) => t.id.replace(/^bench-/, "")).join(", ");
    return [
      { name: "fleet: all lab hosts in parallel", value: Math.round(all), unit: "ms", target: "info", note: `${names}; median of ${RUNS}` },
      { name: "fleet: slowest single host alone", value: Math.round(one), unit: "ms", target: "info", note: `max over hosts read one at a time, same runs` },
      { name: "fleet: fleet fetch / slowest single host", value: Number((all / one).toFixed(2)), unit: "×", target: "≤ 1.3", note: "ratio of the medians above, one-round-trip reader" },
    ];
  } finally {
    closeAllConnections();
  }
}
