// Prints how many distinct hostile inputs the security suite tried, per area,
// and fails when fewer than the hardening issue's minimum were tried.
import { existsSync, readFileSync } from "node:fs";

const MINIMUM = 30;
const file = process.argv[2] ?? "test-results/hostile-inputs.ndjson";
const lines = existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
const distinct = new Map();
for (const line of lines) {
  const { area, what } = JSON.parse(line);
  distinct.set(`${area}\u0000${what}`, area);
}
const perArea = {};
for (const area of distinct.values()) perArea[area] = (perArea[area] ?? 0) + 1;
const parts = Object.entries(perArea).sort().map(([a, n]) => `${a} ${n}`).join(", ");
console.log(`hostile inputs tried: ${distinct.size} distinct (${parts || "none"})`);
if (distinct.size < MINIMUM) {
  console.log(`fewer than ${MINIMUM}: the security suite did not run in full`);
  process.exit(1);
}
