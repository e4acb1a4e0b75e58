import { execFileSync } from "node:child_process";
import type { Page } from "playwright-core";
import { labExec, labHost, labRoot, labVirsh, readLabHosts } from "@/lab";

// Reading what the hosts did for a cross-host segment, over the lab's own
// access (plain root in the host's namespaces), and undoing it by hand.

export type VxlanLink = { ifname: string; ifindex: number; mtu: number; master?: string; linkinfo?: { info_kind?: string; info_data?: { id?: number; local?: string; port?: number; learning?: boolean } } };

const upHosts = () => readLabHosts().filter((h) => h.up).length;
const labUp = (hosts: number) => execFileSync("bash", ["lab/lab.sh", "up", "--hosts", String(hosts)], { cwd: labRoot(), stdio: "ignore", timeout: 240_000 });

/**
 * The three hosts the proof uses; the lab may have only two, so this brings hv-c up
 * (idempotent). Returns what puts the lab back as it was: later files (the demo
 * seed's host list) see the lab they expect.
 */
export function bringUpThreeHosts(): () => void {
  const before = upHosts();
  if (before < 3) labUp(3);
  return () => {
    if (before < 3) labUp(Math.max(2, before));
  };
}

export const lanAddress = (host: string) => {
  const lan = labHost(host).lan;
  if (!lan) throw new Error(`${host} has no LAN address`);
  return lan.address;
};

export async function vxlanLinks(host: string): Promise<VxlanLink[]> {
  const r = await labExec(host, ["ip", "-d", "-j", "link", "show", "type", "vxlan"]);
  return JSON.parse(r.stdout.trim() || "[]") as VxlanLink[];
}

export async function linkExists(host: string, name: string): Promise<boolean> {
  return (await labExec(host, ["ip", "link", "show", "dev", name])).code === 0;
}

/** `bridge fdb`'s flooding entries (all-zero MAC) of a VXLAN device: the peers' underlay addresses. */
export async function floodPeers(host: string, dev: string): Promise<string[]> {
  const r = await labExec(host, ["bridge", "-j", "fdb", "show", "dev", dev]);
  const entries = JSON.parse(r.stdout.trim() || "[]") as { mac: string; dst?: string }[];
  return entries.filter((e) => e.mac === "00:00:00:00:00:00" && e.dst).map((e) => e.dst!).sort();
}

export async function networkNames(host: string): Promise<string[]> {
  return (await labVirsh(host, ["net-list", "--all", "--name"])).stdout.split("\n").map((l) => l.trim()).filter(Boolean);
}

/** Removes every trace of a segment (and any out-of-band link) from the hosts; each step may find nothing. */
export async function scrub(hosts: string[], network: string, links: string[]) {
  for (const host of hosts) {
    await labVirsh(host, ["net-destroy", "--", network]);
    await labVirsh(host, ["net-undefine", "--", network]);
    for (const link of links) await labExec(host, ["ip", "link", "del", link]);
  }
}

/** The open change dialog: Apply, wait for the outcome; returns the seconds it took and the dialog's text. */
export async function applyAndWait(page: Page): Promise<{ seconds: number; text: string; applied: boolean }> {
  const dialog = page.getByRole("dialog");
  const started = performance.now();
  await dialog.getByRole("button", { name: "Apply" }).click();
  await dialog.getByRole("button", { name: "Close" }).waitFor({ timeout: 120_000 });
  const seconds = (performance.now() - started) / 1000;
  const applied = (await dialog.getByRole("status").getByText("Applied.").count()) > 0;
  return { seconds, text: await dialog.innerText(), applied };
}

export async function closeDialog(page: Page) {
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
  await page.getByRole("dialog").waitFor({ state: "detached" });
}

/** Every step's argv as the dialog carries it. */
export async function planArgv(page: Page): Promise<string[][]> {
  const codes = page.getByRole("dialog").locator("code[data-argv]");
  await codes.first().waitFor({ timeout: 60_000 });
  return Promise.all((await codes.all()).map(async (c) => JSON.parse((await c.getAttribute("data-argv"))!) as string[]));
}
