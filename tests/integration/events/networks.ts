import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { labExec } from "@/lab/index";
import { labVirsh } from "./lab-access";

// Throw-away networks for the events tests: named sy-live-*, in 10.240.0.0/16,
// isolated, with short bridge names. Each test removes what it made, and
// sweep() removes leftovers of earlier, interrupted runs.

export const LIVE_PREFIX = "sy-live-";

export function liveNetwork(third = 1 + (randomBytes(1)[0]! % 250)) {
  const suffix = randomBytes(3).toString("hex");
  const name = `${LIVE_PREFIX}${suffix}`;
  const xml = `<network><name>${name}</name><bridge name='sylv${suffix}'/><ip address='10.240.${third}.1' netmask='255.255.255.0'/></network>`;
  return { name, xml };
}

/** net-define from a file: /tmp is shared with the lab hosts, and virsh cannot open a socket as /dev/stdin. */
export async function defineNetwork(host: string, xml: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "sy-live-"));
  try {
    writeFileSync(path.join(dir, "net.xml"), xml);
    await labVirsh(host, ["net-define", "--file", path.join(dir, "net.xml")]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function removeNetwork(host: string, name: string): Promise<void> {
  // Either may fail (not active, not defined); both are attempted.
  await labExec(host, ["virsh", "-q", "-c", "qemu:///system", "net-destroy", "--", name]);
  await labExec(host, ["virsh", "-q", "-c", "qemu:///system", "net-undefine", "--", name]);
}

export async function sweep(host: string): Promise<void> {
  const names = (await labVirsh(host, ["net-list", "--all", "--name"])).split("\n").map((l) => l.trim());
  for (const name of names.filter((n) => n.startsWith(LIVE_PREFIX))) await removeNetwork(host, name);
}
