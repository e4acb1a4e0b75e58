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
  /** The host's place on the site LAN (lab/lib/lan.sh); null for hv-down. */
  lan?: LabHostLan | null;
}

export interface LabHostLan {
  /** The host's own LAN address, on the NIC nics.address (not bridged). */
  address: string;
  prefix: number;
  subnet: string;
  router: string;
  nics: {
    /** Carries `address` directly. */
    address: string;
    /** Port of `bridge`, reaching the LAN (bridged guests land on the LAN). */
    bridged: string;
    /** Trunk uplink of `ovsBridge`; null when the host runs no Open vSwitch. */
    ovsUplink: string | null;
    /** Not on any bridge, for macvtap. */
    free: string;
  };
  bridge: string;
  ovsBridge: string | null;
}

/** The LAN itself: a bridge in the root namespace, which is the site router and DHCP server. */
export interface LabLan {
  bridge: string;
  subnet: string;
  router: string;
  dhcpRange: [string, string];
  /** Addresses no one uses, for guests with a static address (`probe --static`). */
  staticRange: [string, string];
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

function readHostsFile(): { hosts: LabHost[]; lan?: LabLan } {
  const file = path.join(labRoot(), ".lab", "hosts.json");
  if (!existsSync(file)) throw new Error(`lab: ${file} is missing; run npm run lab:up`);
  return JSON.parse(readFileSync(file, "utf8")) as { hosts: LabHost[]; lan?: LabLan };
}

export function readLabHosts(): LabHost[] {
  return readHostsFile().hosts;
}

export function labLan(): LabLan {
  const lan = readHostsFile().lan;
  if (!lan) throw new Error("lab: .lab/hosts.json has no LAN (a lab from before the LAN); run npm run lab:up");
  return lan;
}

export function labHost(name: string): LabHost {
  const host = readLabHosts().find((h) => h.name === name);
  if (!host) throw new Error(`lab: no host named ${JSON.stringify(name)} in .lab/hosts.json`);
  return host;
}
