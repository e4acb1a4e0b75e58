import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// `npm run bench`: every benchmark module that exists, against the lab, one
// line per figure with its target and whether it was met. Missing a target is
// reported, never fatal (exit 0); only a bench that cannot run at all exits
// non-zero. A complete run's output is written, dated, to bench/LATEST.md, and
// into the README between `<!-- bench:start -->` and `<!-- bench:end -->` when present.

export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  target: string;
  note: string;
}

const root = path.resolve(__dirname, "..");

// [file, export] in the order the issue lists the figures.
const MODULES: Array<[string, string]> = [
  ["networks", "benchNetworks"],
  ["fleet", "benchFleet"],
  ["fleet-20", "benchFleet20"],
  ["events", "benchEvents"],
  ["transport", "benchTransport"],
  ["topology", "benchTopology"],
  ["pages", "benchPages"],
];

/** "≤ 1.2", "< 1000", "> 1", "≥ 3" against a value; null when the target is not a bound. */
export function meets(value: number, target: string): boolean | null {
  const m = /^\s*(≤|<=|<|≥|>=|>)\s*(-?[\d.]+)/.exec(target);
  if (!m || !Number.isFinite(value)) return null;
  const bound = Number(m[2]);
  switch (m[1]) {
    case "≤": case "<=": return value <= bound;
    case "<": return value < bound;
    case "≥": case ">=": return value >= bound;
    default: return value > bound;
  }
}

export function formatLine(line: BenchLine): string {
  const verdict = meets(line.value, line.target);
  const mark = verdict === null ? "INFO" : verdict ? "MET " : "MISS";
  const value = `${line.value} ${line.unit}`.padEnd(14);
  return `${mark}  ${line.name.padEnd(64)} ${value} target ${line.target.padEnd(22)} ${line.note}`;
}

async function runModules(): Promise<{ lines: string[]; broken: string[] }> {
  const lines: string[] = [];
  const broken: string[] = [];
  for (const [file, exported] of MODULES) {
    if (!existsSync(path.join(__dirname, `${file}.ts`))) continue;
    try {
      const mod = (await import(`./${file}`)) as Record<string, () => Promise<BenchLine[]>>;
      const bench = mod[exported];
      if (typeof bench !== "function") throw new Error(`bench/${file}.ts does not export ${exported}()`);
      for (const line of await bench()) {
        const text = formatLine(line);
        lines.push(text);
        console.log(text);
      }
    } catch (error) {
      const text = `FAIL  ${file}: could not run: ${error instanceof Error ? error.message : String(error)}`;
      broken.push(file);
      lines.push(text);
      console.log(text);
    }
  }
  return { lines, broken };
}

function publish(lines: string[]) {
  const stamp = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const block = [`Latest \`npm run bench\` output, ${stamp}:`, "", "```text", ...lines, "```", ""].join("\n");
  writeFileSync(path.join(__dirname, "LATEST.md"), `# Benchmark\n\n${block}`);
  const readme = path.join(root, "README.md");
  const text = readFileSync(readme, "utf8");
  const marked = /(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/;
  if (marked.test(text)) writeFileSync(readme, text.replace(marked, `$1${block}$2`));
}

async function main() {
  if (!existsSync(path.join(root, ".lab/hosts.json"))) {
    console.log("bench: the lab is not up; starting it (bash lab/lab.sh up)");
    if (spawnSync("bash", ["lab/lab.sh", "up"], { cwd: root, stdio: "inherit" }).status !== 0) {
      console.error("bench: the lab did not come up");
      process.exit(2);
    }
  }
  const { lines, broken } = await runModules();
  // Only a complete run replaces the published output.
  if (broken.length === 0) publish(lines);
  else console.log(`bench: not published (could not run: ${broken.join(", ")})`);
  // Non-zero only when a bench could not run; a missed target is a result.
  // (Exiting explicitly: SSH connections of the modules must not keep us alive.)
  process.exit(broken.length > 0 ? 1 : 0);
}

// lib/** imports "server-only", which throws outside React's server condition:
// re-run this file under it once (tsx passes the flag on to node).
if (require.main === module) {
  if (process.env.SWITCHYARD_BENCH_CHILD === "1") {
    void main();
  } else {
    const child = spawn(process.execPath, [...process.execArgv, "--conditions=react-server", __filename, ...process.argv.slice(2)], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, SWITCHYARD_BENCH_CHILD: "1" },
    });
    child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  }
}
