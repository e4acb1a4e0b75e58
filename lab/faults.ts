// Faults that rollback and dead-man tests switch on and off.
// autostart: `virsh net-autostart` creates a symlink in the host's
// /etc/libvirt/qemu/networks/autostart; an immutable directory makes that (and --disable)
// fail with a real libvirt error.
// cut-uplink: the host's uplink eth0 (its only SSH path) drops every packet, both ways, for
// SECONDS; a timer living in the host puts it back by itself, even if the caller is gone
// (and lab:up lifts a cut whose timer died). The LAN NICs keep working.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { labHost, labRoot } from "./hosts";
import { hostNamespaces, labExec, run } from "./exec";

export type FaultKind = "autostart" | "cut-uplink";

/** Same comment as lab/lab.sh's restore_pins_and_faults looks for. */
const CUT_COMMENT = "switchyard-lab-cut-uplink";
const CUT_RULES = [
  ["PREROUTING", "-i", "eth0"],
  ["OUTPUT", "-o", "eth0"],
];
export const MAX_CUT_SECONDS = 3600;

async function removeCut(host: string): Promise<void> {
  for (const [chain, dirFlag, dev] of CUT_RULES) {
    // Delete until none is left: a cut started twice has two.
    for (;;) {
      const res = await labExec(host, ["iptables", "-t", "raw", "-D", chain!, dirFlag!, dev!, "-m", "comment", "--comment", CUT_COMMENT, "-j", "DROP"]);
      if (res.code !== 0) break;
    }
  }
}

export async function fault(host: string, kind: "autostart", on: boolean): Promise<void>;
/** seconds 0 puts the uplink back now. */
export async function fault(host: string, kind: "cut-uplink", seconds: number): Promise<void>;
export async function fault(host: string, kind: FaultKind, arg: boolean | number): Promise<void> {
  if (!labHost(host).up) throw new Error(`lab: ${host} is not an up host`);
  if (kind === "autostart") {
    // The host's /etc/libvirt is this directory, bind-mounted (lab/lib/mounts.sh).
    const dir = path.join(labRoot(), ".lab", host, "libvirt", "etc", "qemu", "networks", "autostart");
    mkdirSync(dir, { recursive: true });
    const res = await run(["chattr", arg ? "+i" : "-i", dir]);
    if (res.code !== 0) throw new Error(`lab: chattr on ${dir} failed: ${res.stderr.trim()}`);
    return;
  }
  if (kind !== "cut-uplink") throw new Error(`lab: unknown fault ${JSON.stringify(kind)}`);
  const seconds = Number(arg);
  if (typeof arg !== "number" || !Number.isInteger(seconds) || seconds < 0 || seconds > MAX_CUT_SECONDS) {
    throw new Error(`lab: cut-uplink takes whole seconds from 0 to ${MAX_CUT_SECONDS}, not ${String(arg)}`);
  }
  await removeCut(host);
  if (seconds === 0) return;
  for (const [chain, dirFlag, dev] of CUT_RULES) {
    const res = await labExec(host, ["iptables", "-t", "raw", "-I", chain!, "1", dirFlag!, dev!, "-m", "comment", "--comment", CUT_COMMENT, "-j", "DROP"]);
    if (res.code !== 0) {
      await removeCut(host);
      throw new Error(`lab: cutting ${host}'s uplink failed: ${res.stderr.trim()}`);
    }
  }
  // The timer: a detached shell inside the host's network namespace. The script is fixed
  // text; seconds and names reach it as arguments.
  const restore = CUT_RULES.map(([chain, dirFlag, dev]) => `iptables -t raw -D ${chain} ${dirFlag} ${dev} -m comment --comment "$2" -j DROP`).join("; ");
  const timer = spawn(
    "nsenter",
    [`--net=${hostNamespaces(host).netnsPath}`, "--", "sh", "-c", `sleep "$1"; ${restore}`, "sh", String(seconds), CUT_COMMENT],
    { detached: true, stdio: "ignore" },
  );
  timer.unref();
}
