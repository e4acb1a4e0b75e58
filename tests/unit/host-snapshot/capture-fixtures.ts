// Captures real snapshot-script output from the lab as unit-test fixtures:
//   NODE_OPTIONS=--conditions=react-server npx tsx tests/unit/host-snapshot/capture-fixtures.ts
// It runs the exact scripts the adapter sends, inside each lab host, with a
// fixed nonce, after adding networks with hostile names to hv-b (removed again):
// the cold read (<host>.out), then the warm read with the UUIDs the cold one
// listed (<host>.warm.out). Each file holds stdout, then stderr, as the adapter
// hands them to the parser.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { labExec, labVirsh } from "@/lab";
import { warmReadCommands } from "@/lib/domain/host/snapshot-commands";
import { parseSnapshotOutput } from "@/lib/domain/host/snapshot-parse";
import { SNAPSHOT_SCRIPT, WARM_SNAPSHOT_SCRIPT } from "@/lib/libvirt/snapshot-script";
import type { RemoteScript } from "@/lib/ssh";

export const FIXTURE_NONCE = "0123456789abcdef0123456789abcdef";
const dir = path.join(__dirname, "fixtures");

const hostile = [
  { name: "<img src=x onerror=alert(1)>", bridge: "sy-net-fx1", subnet: "10.230.91" },
  { name: `sy-net it's "quoted" & spaced`, bridge: "sy-net-fx2", subnet: "10.230.92" },
];
const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

async function run(host: string, script: RemoteScript, args: string[]): Promise<string> {
  const res = await labExec(host, ["sh", "-c", script.source, script.name, "f".repeat(32), FIXTURE_NONCE, ...args]);
  if (res.code !== 0) throw new Error(`${host}: ${res.stderr}`);
  return `${res.stdout}\n${res.stderr}`;
}

async function capture(host: string) {
  const cold = await run(host, SNAPSHOT_SCRIPT, []);
  writeFileSync(path.join(dir, `${host}.out`), cold);
  const commands = warmReadCommands(FIXTURE_NONCE, parseSnapshotOutput(cold, FIXTURE_NONCE).listed);
  writeFileSync(path.join(dir, `${host}.warm.out`), await run(host, WARM_SNAPSHOT_SCRIPT, [commands!]));
  const list = await labVirsh(host, ["net-list", "--all", "--uuid"]);
  const dumps: Record<string, string> = {};
  for (const uuid of list.stdout.split("\n").map((l) => l.trim()).filter(Boolean)) {
    dumps[uuid] = (await labVirsh(host, ["net-dumpxml", uuid])).stdout;
  }
  writeFileSync(path.join(dir, `${host}.dumpxml.json`), JSON.stringify(dumps, null, 2));
}

async function main() {
  for (const h of hostile) {
    const xml = `<network><name>${xmlText(h.name)}</name><bridge name='${h.bridge}'/><ip address='${h.subnet}.1' prefix='24'/></network>`;
    const r = await labVirsh("hv-b", ["net-define", "/dev/stdin"], { stdin: xml });
    if (r.code !== 0) throw new Error(r.stderr);
  }
  try {
    await capture("hv-a");
    await capture("hv-b");
  } finally {
    for (const h of hostile) await labVirsh("hv-b", ["net-undefine", "--", h.name]);
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
