import type { VmInterface } from "../host/snapshot";

// A guest's NICs as the operator needs them: the running guest's (live XML)
// beside its persistent definition (`dumpxml --inactive`), matched by MAC.
// libvirt reports a live unplug done only when the guest acknowledges it, and
// a guest with no OS never does; until then the NIC stays in the live XML.

export type ConfigNic = Omit<VmInterface, "ips">;

export type NicPresence =
  /** In the definition and, when the VM runs, in the running guest. */
  | "attached"
  /** In the definition only while the VM runs: it is plugged in at the next start. */
  | "next-boot"
  /** Removed from the definition; the running guest has not released it yet. */
  | "removal-pending"
  /** In the running guest only, not in the definition, and no removal was asked for here. */
  | "live-only";

export type VmNicRow = { mac: string; nic: ConfigNic & { ips?: string[] }; presence: NicPresence };

export function vmNicRows(
  running: boolean,
  live: readonly VmInterface[],
  config: readonly ConfigNic[],
  removalsAsked: ReadonlySet<string>,
): VmNicRow[] {
  const rows: VmNicRow[] = [];
  const liveMacs = new Set(live.map((n) => n.mac ?? ""));
  for (const nic of config) {
    const mac = nic.mac ?? "";
    const liveNic = live.find((n) => n.mac === mac);
    rows.push({ mac, nic: liveNic ?? nic, presence: !running || liveMacs.has(mac) ? "attached" : "next-boot" });
  }
  if (running) {
    for (const nic of live) {
      const mac = nic.mac ?? "";
      if (config.some((c) => c.mac === mac)) continue;
      rows.push({ mac, nic, presence: removalsAsked.has(mac) ? "removal-pending" : "live-only" });
    }
  }
  return rows;
}

export const PRESENCE_TEXT: Record<NicPresence, string> = {
  attached: "Attached",
  "next-boot": "In the definition; plugged in at the next start",
  "removal-pending": "Removal pending: gone from the definition, but the running guest has not released it yet",
  "live-only": "Running guest only: not in the persistent definition (lost at the next power-off)",
};
