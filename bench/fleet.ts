import { readLabHosts } from "@/lab/index";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { closeAllConnections, runCommand, type SshTarget } from "@/lib/ssh";
import { labSshTarget } from "./events";
import type { BenchLine } from "./run";

// Fleet fetch: every up lab host read in parallel through the one-round-trip
// reader, against the slowest of the same hosts read alone, side by side in
// each run. hv-down is left out of the ratio: it costs its connect timeout by
// design, and the fleet page shows it as an error row without waiting for it.
// The reads are the fleet networks page's (scope "networks").
//
// The lab's hosts share one machine, and on this machine kind process creation
// does not run in parallel (two loops of /bin/true take about twice as long side
// by side as one alone), while a host read is mostly process creation (virsh).
// So the same ratio is also measured for raw batched virsh, one exec per host
// over the same connections: the floor this machine sets for any reader.
const RAW = ["virsh", "-c", "qemu:///system", "net-list --all; list --all"];
const raw = (t: SshTarget) => runCommand(t, RAW);

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

/** One run: each host alone (keeping the slowest), then all of them at once. */
async function round(targets: SshTarget[], work: (t: SshTarget) => Promise<unknown>, into: { fleet: number[]; slowest: number[] }) {
  const singles: number[] = [];
  for (const target of targets) singles.push(await timed(() => work(target)));
  into.slowest.push(Math.max(...singles));
  into.fleet.push(await timed(() => Promise.all(targets.map(work))));
}

export async function benchFleet(): Promise<BenchLine[]> {
  const targets = readLabHosts().filter((h) => h.up).map((h) => labSshTarget(h.name));
  try {
    // Warm: connections are pooled, as they are in the running server.
    const read = (t: SshTarget) => readHostSnapshot(t, { scope: "networks" });
    await Promise.all(targets.map(read));
    const reader = { fleet: [] as number[], slowest: [] as number[] };
    const rawRuns = { fleet: [] as number[], slowest: [] as number[] };
    for (let i = 0; i < RUNS; i += 1) {
      await round(targets, read, reader);
      await round(targets, raw, rawRuns);
    }
    const [all, one] = [median(reader.fleet), median(reader.slowest)];
    const [rawAll, rawOne] = [median(rawRuns.fleet), median(rawRuns.slowest)];
    const names = targets.map((t) => t.id.replace(/^bench-/, "")).join(", ");
    return [
      { name: "fleet: all lab hosts in parallel", value: Math.round(all), unit: "ms", target: "info", note: `${names}; median of ${RUNS}` },
      { name: "fleet: slowest single host alone", value: Math.round(one), unit: "ms", target: "info", note: `max over hosts read one at a time, same runs` },
      { name: "fleet: fleet fetch / slowest single host", value: Number((all / one).toFixed(2)), unit: "×", target: "≤ 1.3", note: "ratio of the medians above, one-round-trip reader" },
      { name: "fleet: same ratio for raw batched virsh", value: Number((rawAll / rawOne).toFixed(2)), unit: "×", target: "info", note: `${Math.round(rawAll)} vs ${Math.round(rawOne)} ms: what this machine allows (process creation is serial here)` },
    ];
  } finally {
    closeAllConnections();
  }
}
