// Reads .lab/hosts.json, written by `npm run lab:up` (lab/lib/hosts-json.sh).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export interface LabHost {
  name: string;
  address: string;
  port: number;
  user: string;
  /** Relative to the repo root. */
  privateKeyPath: string;
  passwordUser: string;
  password: string;
  outsiderUser: string;
  outsiderPassword: string;
  /** OpenSSH "SHA256:…" form of the host's ed25519 key; null for hv-down. */
  hostKeyFingerprint: string | null;
  up: boolean;
}

/**
 * The repo root: SWITCHYARD_ROOT if set, else the nearest directory at or above the
 * current one that holds lab/lab.sh. (Not __dirname: this file runs under tsx, vitest
 * and Next, which disagree on module formats.)
 */
export function labRoot(): string {
  if (process.env.SWITCHYARD_ROOT) return path.resolve(process.env.SWITCHYARD_ROOT);
  let dir = process.cwd();
  for (;;) {
    if (existsSync(path.join(dir, "lab", "lab.sh"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("lab: cannot find the repo root (no lab/lab.sh above the current directory)");
    dir = parent;
  }
}

export function readLabHosts(): LabHost[] {
  const file = path.join(labRoot(), ".lab", "hosts.json");
  if (!existsSync(file)) throw new Error(`lab: ${file} is missing; run npm run lab:up`);
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { hosts: LabHost[] };
  return parsed.hosts;
}

export function labHost(name: string): LabHost {
  const host = readLabHosts().find((h) => h.name === name);
  if (!host) throw new Error(`lab: no host named ${JSON.stringify(name)} in .lab/hosts.json`);
  return host;
}
