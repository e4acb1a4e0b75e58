import { readFileSync } from "node:fs";
import path from "node:path";
import { labHost, labRoot, labVirsh } from "@/lab/index";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { closeAllConnections, runCommand, type SshTarget } from "@/lib/ssh";
import type { BenchLine } from "./run";

// Host networks data: the adapter's one-exec read of hv-a, as the network
// pages do it (scope "networks": libvirt only, warm after the first read, as
// on a running server), against the raw baseline, one
// `virsh -c qemu:///system '<batched commands>'` exec over the
// same persistent ssh2 connection, asking libvirt for the same data (every
// network's XML and state, leases of the active ones, every guest's XML),
// with the UUIDs known beforehand, as an operator with a prepared command
// line would. Measured side by side, alternating, with 1 and with 50 extra
// networks (sy-bench-NN on 10.220.NN.0/24, defined, then removed). The full
// read (kernel links, addresses, bridge ports and routes too, as topology and
// the wizard read) is measured in the same rounds and reported for information.

const HOST = "hv-a";
const RUNS = 9;
const EXTRA = 50;

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export function target(): SshTarget {
  const h = labHost(HOST);
  const privateKey = readFileSync(path.join(labRoot(), h.privateKeyPath), "utf8");
  return { id: `bench-networks-${HOST}`, address: h.address, port: h.port, username: h.user, auth: { kind: "key", privateKey }, pinnedFingerprint: h.hostKeyFingerprint };
}

const benchName = (i: number) => `sy-bench-${String(i).padStart(2, "0")}`;

async function inBatches(count: number, work: (i: number) => Promise<unknown>) {
  for (let i = 0; i < count; i += 10) await Promise.all(Array.from({ length: Math.min(10, count - i) }, (_, j) => work(i + j)));
}

export async function defineExtra(count: number) {
  await inBatches(count, async (i) => {
    const xml = `<network><name>${benchName(i)}</name><bridge name='${benchName(i)}'/><ip address='10.220.${i}.1' prefix='24'/></network>`;
    const r = await labVirsh(HOST, ["net-define", "/dev/stdin"], { stdin: xml });
    if (r.code !== 0) throw new Error(`define ${benchName(i)}: ${r.stderr.trim()}`);
  });
}

export const removeExtra = (count: number) => inBatches(count, (i) => labVirsh(HOST, ["net-undefine", "--", benchName(i)]));

/** The raw batch, built from a read done before the clock starts. */
export async function baselineCommand(t: SshTarget): Promise<string[]> {
  const snap = await readHostSnapshot(t);
  const parts = ["net-list --all"];
  for (const n of snap.networks) parts.push(`net-dumpxml ${n.uuid}`, `net-info ${n.uuid}`, ...(n.active ? [`net-dhcp-leases ${n.uuid}`] : []));
  for (const d of snap.domains) parts.push(`dumpxml ${d.uuid}`);
  return ["virsh", "-c", "qemu:///system", parts.join("; ")];
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function measure(t: SshTarget, label: string): Promise<BenchLine[]> {
  const raw = await baselineCommand(t);
  const networks = (await readHostSnapshot(t, { scope: "networks" })).networks.length;
  const adapter: number[] = [];
  const full: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    baseline.push(await timed(() => runCommand(t, raw)));
    adapter.push(await timed(() => readHostSnapshot(t, { scope: "networks" })));
    full.push(await timed(() => readHostSnapshot(t, { scope: "full" })));
  }
  const [a, f, b] = [median(adapter), median(full), median(baseline)];
  return [
    { name: `networks: host read via adapter, ${label}`, value: Math.round(a), unit: "ms", target: "info", note: `${networks} networks on ${HOST}; median of ${RUNS}; parsed, guests and leases included` },
    { name: `networks: raw batched virsh baseline, ${label}`, value: Math.round(b), unit: "ms", target: "info", note: "one exec, same connection, unparsed" },
    { name: `networks: adapter / baseline, ${label}`, value: Number((a / b).toFixed(2)), unit: "×", target: "≤ 1.2", note: "the network pages' read" },
    { name: `networks: full read (+ kernel facts) / baseline, ${label}`, value: Number((f / b).toFixed(2)), unit: "×", target: "info", note: `${Math.round(f)} ms; topology, interfaces and the wizard read this` },
  ];
}

export async function benchNetworks(): Promise<BenchLine[]> {
  const t = target();
  try {
    await readHostSnapshot(t); // connect once: the server keeps its connections open
    await removeExtra(EXTRA);
    try {
      await defineExtra(1);
      const lines = await measure(t, "+1 network");
      await removeExtra(1);
      await defineExtra(EXTRA);
      lines.push(...(await measure(t, `+${EXTRA} networks`)));
      return lines;
    } finally {
      await removeExtra(EXTRA);
    }
  } finally {
    closeAllConnections();
  }
}
