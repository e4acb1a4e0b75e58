import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect } from "vitest";
import type { Locator, Page } from "playwright-core";
import { hostNamespaces, labExec, labVirsh } from "@/lab";

// Host-side checks and clean-up for the interface browser tests (names
// sy-if-/syif-, subnets in 10.251.0.0/16). The checks read the lab host from
// outside: `ip -n <host's netns>` and virsh as root, never through the console.

export type IpLink = { ifname: string; master?: string; link?: string; linkinfo?: { info_kind?: string; info_data?: { mode?: string } } };

/** `ip -n <netns> -d -j link`: the host's links as the kernel has them. */
export async function hostLinks(host: string): Promise<IpLink[]> {
  const { stdout } = await promisify(execFile)("ip", ["-n", hostNamespaces(host).netns, "-d", "-j", "link"]);
  return JSON.parse(stdout) as IpLink[];
}

export const linkNamed = async (host: string, name: string) => (await hostLinks(host)).find((l) => l.ifname === name);

export async function deleteLinkIfPresent(host: string, name: string) {
  if (await linkNamed(host, name)) await labExec(host, ["ip", "link", "del", "dev", name]);
}

export async function domifMacs(host: string, vm: string): Promise<string[]> {
  const { stdout } = await labVirsh(host, ["domiflist", "--", vm]);
  return [...stdout.matchAll(/([0-9a-f]{2}(?::[0-9a-f]{2}){5})/gi)].map((m) => m[1]!.toLowerCase());
}

export async function inactiveXml(host: string, vm: string): Promise<string> {
  return (await labVirsh(host, ["dumpxml", "--inactive", "--", vm])).stdout;
}

export async function waitForRunning(host: string, vm: string) {
  await expect.poll(async () => (await labVirsh(host, ["domstate", "--", vm])).stdout.trim(), { timeout: 60_000, interval: 500 }).toBe("running");
}

/**
 * Puts a guest back as the lab made it: our NICs out of its definition and,
 * since a guest without an OS never acknowledges a live unplug, a power cycle
 * when one of them is still plugged into the running guest.
 */
export async function restoreGuest(host: string, vm: string, macs: string[]) {
  for (const mac of macs) {
    if (!(await inactiveXml(host, vm)).includes(mac)) continue;
    const type = /<interface type='(\w+)'>\s*<mac address='([^']+)'/g;
    const xml = await inactiveXml(host, vm);
    const found = [...xml.matchAll(type)].find((m) => m[2] === mac)?.[1] ?? "network";
    await labVirsh(host, ["detach-interface", "--mac", mac, "--config", "--", vm, found]);
  }
  const live = await domifMacs(host, vm);
  if (macs.some((m) => live.includes(m))) {
    await labVirsh(host, ["destroy", "--", vm]);
    await labVirsh(host, ["start", "--", vm]);
  }
  if ((await labVirsh(host, ["domstate", "--", vm])).stdout.trim() !== "running") await labVirsh(host, ["start", "--", vm]);
}

/** The open change dialog: Apply, wait for the outcome, and hand the dialog back. */
export async function applyPlan(page: Page): Promise<Locator> {
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Apply" }).click();
  // Applied, or the outcome panel of a failure: either ends the wait, and a failure says why.
  await dialog.getByRole("button", { name: "Close" }).waitFor({ timeout: 90_000 });
  if ((await dialog.getByRole("status").getByText("Applied.").count()) === 0) throw new Error(`the change did not apply: ${await dialog.innerText()}`);
  return dialog;
}

export async function closePlan(page: Page) {
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
  await page.getByRole("dialog").waitFor({ state: "detached" });
}

/** The argv a plan step will run, exactly as the dialog carries it. */
export async function stepArgv(dialog: Locator, index: number): Promise<string[]> {
  return JSON.parse((await dialog.locator("code[data-argv]").nth(index).getAttribute("data-argv"))!) as string[];
}

export const randomMac = () => `52:54:00:5e:${Math.floor(Math.random() * 256).toString(16).padStart(2, "0")}:${Math.floor(Math.random() * 256).toString(16).padStart(2, "0")}`;
