import { expect } from "vitest";
import type { Page } from "playwright-core";
import { labExec, labVirsh } from "@/lab";
import { applyPlan, closePlan, stepArgv } from "../interfaces/support";
import { forward, openWizard } from "../wizard/support";

// Driving the wizard to a device network and a guest onto it, and reading
// what the host did (virsh, bridge, ovs-vsctl). Names start with sy-dev-.

export const NETWORK_TYPES = {
  bridge: "Bridge to a host bridge",
  macvtap: "Macvtap on host interfaces",
  hostdev: "SR-IOV pool",
} as const;

/** Name and network type, then Forward to the device page ("Step 2 of 2"). */
export async function startDeviceWizard(page: Page, host: string, name: string, type: keyof typeof NETWORK_TYPES) {
  await openWizard(page, host);
  await page.getByLabel("Network Name", { exact: true }).fill(name);
  await page.getByRole("radio", { name: new RegExp(`^${NETWORK_TYPES[type]}`) }).check();
  await forward(page, "Step 2 of 2");
}

/** Picks a host bridge by name from the "Host bridge" select (its label reads "br0 (Linux bridge; ports …)"). */
export async function chooseBridge(page: Page, bridge: string) {
  const select = page.getByLabel("Host bridge", { exact: true });
  const value = await select.locator("option").evaluateAll((os, b) => os.map((o) => (o as HTMLOptionElement).value).find((v) => v === b), bridge);
  if (!value) throw new Error(`no bridge ${bridge} offered`);
  await select.selectOption(value);
}

export async function addPortgroup(page: Page, name: string, vlan: string, opts: { trunk?: boolean; default?: boolean } = {}) {
  await page.getByRole("button", { name: "Add portgroup" }).click();
  const row = page.getByRole("group", { name: /^Portgroup \d+$/ }).last();
  await row.getByLabel("Portgroup name").fill(name);
  await row.getByLabel("VLAN tag(s)").fill(vlan);
  if (opts.trunk) await row.getByLabel("Trunk").check();
  if (opts.default) await row.getByLabel("Default").check();
  return row;
}

/** Adds a NIC on a network (optionally a portgroup) to a VM from its page; returns the MAC the plan chose. */
export async function attachToNetwork(page: Page, host: string, vm: string, network: string, portgroup?: string): Promise<string> {
  await page.goto(`/hosts/${host}/vms`);
  await page.getByRole("link", { name: `Add network interface to ${vm}` }).click();
  const form = page.getByRole("form", { name: "Add network interface" });
  await form.waitFor({ timeout: 60_000 });
  await form.getByLabel("Network source").selectOption(`network:${network}`);
  if (portgroup) await form.getByLabel("Portgroup").selectOption(portgroup);
  await form.getByRole("button", { name: "Add network interface" }).click();
  const dialog = page.getByRole("dialog");
  const argv = await stepArgv(dialog, 0);
  let mac: string;
  if (portgroup) {
    const xml = (await dialog.getByLabel("Network XML").textContent()) ?? "";
    expect(xml).toContain(`<source network='${network}' portgroup='${portgroup}'/>`);
    mac = /<mac address='([^']+)'/.exec(xml)![1]!;
  } else {
    mac = argv[argv.indexOf("--mac") + 1]!;
  }
  await applyPlan(page);
  await closePlan(page);
  return mac;
}

/** The host device (vnetN / macvtapN) of a guest NIC, from `virsh domiflist`. */
export async function targetOf(host: string, vm: string, mac: string): Promise<string> {
  const out = (await labVirsh(host, ["domiflist", "--", vm])).stdout;
  const line = out.split("\n").find((l) => l.includes(mac));
  if (!line) throw new Error(`${vm} has no NIC ${mac}:\n${out}`);
  return line.trim().split(/\s+/)[0]!;
}

export async function ovsGet(host: string, args: string[]): Promise<string> {
  const r = await labExec(host, ["ovs-vsctl", "--timeout=10", ...args]);
  if (r.code !== 0) throw new Error(`ovs-vsctl ${args.join(" ")}: ${r.stderr}`);
  return r.stdout.trim();
}

export async function removeNetwork(host: string, name: string) {
  await labVirsh(host, ["net-destroy", "--", name]);
  await labVirsh(host, ["net-undefine", "--", name]);
}
