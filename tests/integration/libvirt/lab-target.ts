import { readFileSync } from "node:fs";
import path from "node:path";
import type { SshTarget } from "@/lib/ssh";

// An SshTarget for a lab host straight from .lab/hosts.json, so the adapter's
// tests need neither the store nor the hosts service.
const root = path.resolve(__dirname, "../../..");

type LabHost = { name: string; address: string; port: number; user: string; privateKeyPath: string; hostKeyFingerprint: string | null };

export function labHostEntry(name: string): LabHost {
  const { hosts } = JSON.parse(readFileSync(path.join(root, ".lab/hosts.json"), "utf8")) as { hosts: LabHost[] };
  const host = hosts.find((h) => h.name === name);
  if (!host) throw new Error(`no lab host ${name}; run npm run lab:up`);
  return host;
}

export function labTarget(name: string): SshTarget {
  const host = labHostEntry(name);
  return {
    id: `lab-${name}`,
    address: host.address,
    port: host.port,
    username: host.user,
    auth: { kind: "key", privateKey: readFileSync(path.join(root, host.privateKeyPath), "utf8") },
    pinnedFingerprint: host.hostKeyFingerprint,
  };
}
