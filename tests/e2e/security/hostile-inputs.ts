import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";

// Every hostile input the security suite tries is written down here, one JSON
// line each, so `npm test` can print how many distinct ones were tried (and fail
// if the suite shrank below what the hardening issue asks for). The log is
// cleared by the e2e global setup at the start of each run.
export const HOSTILE_LOG = path.resolve(__dirname, "../../../test-results/hostile-inputs.ndjson");

export type HostileArea = "xml-editor" | "forms" | "sign-in" | "routes" | "load";

/** Records one hostile input. `input` is what was sent, shortened for the log. */
export function hostile(area: HostileArea, what: string, input: unknown = what): void {
  mkdirSync(path.dirname(HOSTILE_LOG), { recursive: true });
  const shown = typeof input === "string" ? input : JSON.stringify(input);
  appendFileSync(HOSTILE_LOG, JSON.stringify({ area, what, input: shown.slice(0, 200) }) + "\n");
}
