import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { Page } from "playwright-core";
import { labExec, labRoot, labVirsh } from "@/lab";

// Driving the create-network wizard by its virt-manager labels, and reading
// what it left on a lab host. Names start with sy-wiz-, subnets are in
// 10.250.0.0/16, so cleanup never touches anyone else's networks.

export type WizardInput = {
  name: string;
  /** IPv4 "Network"; null turns IPv4 off. */
  network: string | null;
  dhcp?: boolean;
  kind: "isolated" | "forward";
  mode?: "NAT" | "Routed" | "Open";
  /** Left as the wizard proposes when undefined. */
  domain?: string;
  autostart?: boolean;
};

const heading = (page: Page, title: string) => page.getByRole("heading", { name: title, exact: true });

export async function openWizard(page: Page, host: string) {
  await page.goto(`/hosts/${host}/new-network`);
  await heading(page, "Step 1 of 4").waitFor({ timeout: 60_000 });
}

export async function forward(page: Page, next: string) {
  await page.getByRole("button", { name: "Forward", exact: true }).click();
  await heading(page, next).waitFor({ timeout: 60_000 });
}

export async function fillStep4(page: Page, input: Pick<WizardInput, "kind" | "mode" | "domain" | "autostart">) {
  await page.getByLabel(input.kind === "isolated" ? "Isolated virtual network" : "Forwarding to physical network", { exact: true }).check();
  if (input.mode) await page.getByLabel("Mode", { exact: true }).selectOption({ label: input.mode });
  if (input.domain !== undefined) await page.getByLabel("DNS Domain Name", { exact: true }).fill(input.domain);
  if (input.autostart !== undefined) await page.getByLabel("Start network at boot", { exact: true }).setChecked(input.autostart);
}

/** Steps 1 to 4, each left with "Forward" (so each passes the server's checks). */
export async function walkWizard(page: Page, host: string, input: WizardInput) {
  await openWizard(page, host);
  await page.getByLabel("Network Name", { exact: true }).fill(input.name);
  await forward(page, "Step 2 of 4");
  const ipv4 = page.getByLabel("Enable IPv4 network address space definition", { exact: true });
  if (input.network === null) await ipv4.uncheck();
  else {
    await ipv4.check();
    await page.getByLabel("Network", { exact: true }).fill(input.network);
    if (input.dhcp !== undefined) await page.getByLabel("Enable DHCPv4", { exact: true }).setChecked(input.dhcp);
  }
  await forward(page, "Step 3 of 4");
  await forward(page, "Step 4 of 4");
  await fillStep4(page, input);
}

const finishButton = (page: Page) => page.getByRole("button", { name: "Finish", exact: true });

/** Waits for the review of the current values, then returns its argv lines and XML. */
export async function readReview(page: Page): Promise<{ argv: string[][]; xml: string }> {
  await expect.poll(() => finishButton(page).isEnabled(), { timeout: 60_000, interval: 200 }).toBe(true);
  const review = page.getByRole("region", { name: "Review" });
  const argv = await review.locator("code[data-argv]").evaluateAll((els) => els.map((e) => JSON.parse(e.getAttribute("data-argv")!) as string[]));
  return { argv, xml: await review.getByLabel("Network XML").innerText() };
}

export async function finishAndLand(page: Page, host: string, name: string) {
  await readReview(page);
  await finishButton(page).click();
  await page.waitForURL((u) => u.pathname === `/hosts/${host}/networks/${encodeURIComponent(name)}`, { timeout: 120_000 });
  // The page the operator lands on shows the new network running.
  const overview = page.locator('dl[aria-label="Overview"]');
  await overview.waitFor({ timeout: 60_000 });
  expect(await overview.innerText()).toMatch(/State\s+active/i);
}

export async function removeNetwork(host: string, name: string) {
  await labVirsh(host, ["net-destroy", "--", name]);
  await labVirsh(host, ["net-undefine", "--", name]);
}

export async function netInfo(host: string, name: string): Promise<Record<string, string>> {
  const r = await labVirsh(host, ["net-info", "--", name]);
  if (r.code !== 0) throw new Error(`net-info ${name}: ${r.stderr}`);
  return Object.fromEntries(r.stdout.split("\n").map((l) => /^([^:]+):\s*(.*)$/.exec(l)).filter((m) => m).map((m) => [m![1]!.trim(), m![2]!.trim()]));
}

export async function networkNames(host: string): Promise<string[]> {
  return (await labVirsh(host, ["net-list", "--all", "--name"])).stdout.split("\n").map((l) => l.trim()).filter(Boolean);
}

export async function linkNames(host: string): Promise<string[]> {
  const r = await labExec(host, ["ip", "-j", "link"]);
  return (JSON.parse(r.stdout) as { ifname: string }[]).map((l) => l.ifname);
}

export async function bridgeAddresses(host: string, bridge: string): Promise<string[]> {
  const r = await labExec(host, ["ip", "-j", "addr", "show", "dev", bridge]);
  if (r.code !== 0) return [];
  const links = JSON.parse(r.stdout) as { addr_info: { local: string; prefixlen: number }[] }[];
  return links.flatMap((l) => l.addr_info.map((a) => `${a.local}/${a.prefixlen}`));
}

/** The host's whole firewall as text: iptables-save (nf_tables backend here), and nft's ruleset where nft exists. */
export async function firewallText(host: string): Promise<string> {
  const ipt = await labExec(host, ["iptables-save"]);
  const nft = await labExec(host, ["sh", "-c", "command -v nft >/dev/null && nft list ruleset || true"]);
  return `${ipt.stdout}\n${nft.stdout}`;
}

/** The root namespace's end of a lab host's uplink (lab/lib/addresses.sh writes it). */
export function uplinkRootEnd(host: string): string {
  const env = readFileSync(path.join(labRoot(), ".lab", "run", "addresses.env"), "utf8");
  const m = new RegExp(`^ROOT_END_${host.replace(/-/g, "_")}=(\\S+)$`, "m").exec(env);
  if (!m) throw new Error(`no root end for ${host} in addresses.env`);
  return m[1]!;
}

export const ipToInt = (ip: string) => ip.split(".").reduce((n, o) => n * 256 + Number(o), 0);
