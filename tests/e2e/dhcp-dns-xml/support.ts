import type { Page } from "playwright-core";
import { labExec, labVirsh } from "@/lab";
import { ready } from "../networks/support";

// Lab networks for these tests: names sy-dhcp-*, subnets in 10.252.0.0/16.
export const HOST = "hv-a";

export { ready };

export async function removeNetwork(name: string) {
  await labVirsh(HOST, ["net-destroy", "--", name]);
  await labVirsh(HOST, ["net-undefine", "--", name]);
}

/** A running isolated network with DHCP on 10.252.<n>.0/24 and bridge sy-dhcp-b<n>. */
export async function labNetwork(name: string, n: number, extra = ""): Promise<{ uuid: string; bridge: string; gateway: string }> {
  await removeNetwork(name);
  const bridge = `sy-dhcp-b${n}`;
  const xml = `<network><name>${name}</name><bridge name='${bridge}'/>${extra}<ip address='10.252.${n}.1' prefix='24'><dhcp><range start='10.252.${n}.100' end='10.252.${n}.200'/></dhcp></ip></network>`;
  const defined = await labVirsh(HOST, ["net-define", "/dev/stdin"], { stdin: xml });
  if (defined.code !== 0) throw new Error(`define ${name}: ${defined.stderr}`);
  const started = await labVirsh(HOST, ["net-start", name]);
  if (started.code !== 0) throw new Error(`start ${name}: ${started.stderr}`);
  return { uuid: (await labVirsh(HOST, ["net-uuid", name])).stdout.trim(), bridge, gateway: `10.252.${n}.1` };
}

export const dumpXml = async (name: string, inactive = false) => (await labVirsh(HOST, ["net-dumpxml", ...(inactive ? ["--inactive"] : []), "--", name])).stdout;

/** dnsmasq's own hosts file: proof the reservation reached the running DHCP server, not only the XML. */
export const dnsmasqHostsFile = async (name: string) => (await labExec(HOST, ["cat", `/var/lib/libvirt/dnsmasq/${name}.hostsfile`])).stdout;

export async function openTab(page: Page, network: string, tab: "DHCP" | "DNS" | "XML") {
  await page.goto(`/hosts/${HOST}/networks/${encodeURIComponent(network)}`);
  await page.getByRole("tab", { name: tab, exact: true }).click();
}

/** Applies the plan dialog that is open and waits for the outcome; returns the argv of each step. */
export async function applyPlan(page: Page): Promise<string[][]> {
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  const argv = await dialog.locator("code[data-argv]").evaluateAll((els) => els.map((e) => JSON.parse(e.getAttribute("data-argv")!) as string[]));
  await dialog.getByRole("button", { name: "Apply" }).click();
  await dialog.getByRole("status").getByText("Applied.").waitFor({ timeout: 60_000 });
  await dialog.getByRole("button", { name: "Close" }).click();
  return argv;
}
