import { afterAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { labExec, labVirsh } from "@/lab";
import { usePage } from "../support/browser";
import { ready } from "../networks/support";
import { closePlan, hostLinks, restoreGuest } from "../interfaces/support";
import { finishAndLand, networkNames, readReview } from "../wizard/support";
import { attachToNetwork, removeNetwork, startDeviceWizard, targetOf } from "./support";

// Macvtap pools, the SR-IOV option, the device page's refusals, and Open
// vSwitch / Linux VLAN and bond changes from the Interfaces page, each checked
// on the host with ip, virsh and ovs-vsctl / ovs-appctl.
const MVT = "sy-dev-mvt";
const PT = "sy-dev-pt";
const attached: { host: string; vm: string; mac: string }[] = [];
const VETHS = ["sy-dv0a", "sy-dv1a"];

afterAll(async () => {
  for (const { host, vm, mac } of attached) await restoreGuest(host, vm, [mac]);
  for (const n of [MVT, PT]) await removeNetwork("hv-a", n);
  // hv-a: it is registered as root, and Open vSwitch's database (like ip link changes) is root's.
  await labExec("hv-a", ["ovs-vsctl", "--timeout=10", "--if-exists", "del-port", "ovsbr0", "sy-bond1"]);
  for (const v of VETHS) await labExec("hv-a", ["ip", "link", "del", "dev", v]);
});

async function fieldError(page: Page, label: string): Promise<string> {
  const field = page.getByLabel(label, { exact: true }).last();
  await expect.poll(() => field.getAttribute("aria-invalid"), { timeout: 30_000 }).toBe("true");
  return page.locator(`[id="${await field.getAttribute("aria-describedby")}"]`).innerText();
}

describe("macvtap, SR-IOV and refusals in the wizard", () => {
  const t = usePage();

  it("macvtap in bridge mode on the free NIC eth2: web1's NIC is a macvtap device in bridge mode on eth2; eth1 (a br0 port) and eth0 (SSH) are not offered, with the reason", async () => {
    const page = t.page;
    await removeNetwork("hv-a", MVT);
    await ready(page);
    await startDeviceWizard(page, "hv-a", MVT, "macvtap");
    const pool = page.locator("fieldset", { hasText: "Host interfaces (the pool)" });
    expect(await pool.getByLabel("eth1", { exact: true }).isDisabled()).toBe(true);
    expect(await pool.innerText()).toMatch(/Not offered: 'eth1' is a port of bridge 'br0'/);
    expect(await pool.getByLabel("eth0", { exact: true }).isDisabled()).toBe(true);
    expect(await pool.innerText()).toMatch(/Not offered: 'eth0' carries this console's SSH connection/);
    await page.getByLabel("Macvtap mode").selectOption("bridge");
    await pool.getByLabel("eth2", { exact: true }).check();
    const review = await readReview(page);
    expect(review.xml).toMatch(/<forward mode="bridge">\s*<interface dev="eth2"\/>\s*<\/forward>/);
    await finishAndLand(page, "hv-a", MVT);
    expect(await page.locator('dl[aria-label="Overview"]').innerText()).toMatch(/Macvtap \(bridge\) on eth2/);

    const mac = await attachToNetwork(page, "hv-a", "web1", MVT);
    attached.push({ host: "hv-a", vm: "web1", mac });
    const dev = await targetOf("hv-a", "web1", mac);
    const link = (await hostLinks("hv-a")).find((l) => l.ifname === dev);
    expect(link?.linkinfo?.info_kind).toBe("macvtap");
    expect(link?.linkinfo?.info_data?.mode).toBe("bridge");
    expect(link?.link).toBe("eth2");
    await restoreGuest("hv-a", "web1", [mac]);
    await removeNetwork("hv-a", MVT);
  });

  it("passthrough with a one-NIC pool: the second VM is refused with libvirt's reason explained", async () => {
    const page = t.page;
    await removeNetwork("hv-a", PT);
    await ready(page);
    await startDeviceWizard(page, "hv-a", PT, "macvtap");
    await page.getByLabel("Macvtap mode").selectOption("passthrough");
    await page.locator("fieldset", { hasText: "Host interfaces (the pool)" }).getByLabel("eth2", { exact: true }).check();
    await readReview(page);
    await finishAndLand(page, "hv-a", PT);
    const mac = await attachToNetwork(page, "hv-a", "web1", PT);
    attached.push({ host: "hv-a", vm: "web1", mac });

    await page.goto("/hosts/hv-a/vms");
    await page.getByRole("link", { name: "Add network interface to db1" }).click();
    const form = page.getByRole("form", { name: "Add network interface" });
    await form.getByLabel("Network source").selectOption(`network:${PT}`);
    await form.getByRole("button", { name: "Add network interface" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Apply" }).click();
    await dialog.getByRole("button", { name: "Close" }).waitFor({ timeout: 90_000 });
    const text = await dialog.innerText();
    expect(text).toMatch(/requires exclusive access to interfaces, but none are available/);
    expect(text).toMatch(/passthrough mode: each of its host NICs serves one guest NIC at a time/);
    await closePlan(page);
    expect((await labVirsh("hv-a", ["domiflist", "--", "db1"])).stdout).not.toContain(PT);
  });

  it("SR-IOV pool is disabled on the lab hosts and says what it looked for", async () => {
    const page = t.page;
    await ready(page);
    await page.goto("/hosts/hv-b/new-network");
    const option = page.getByRole("radio", { name: /^SR-IOV pool/ });
    await option.waitFor({ timeout: 60_000 });
    expect(await option.isDisabled()).toBe(true);
    expect(await page.getByTestId("sriov-disabled").innerText()).toBe(
      "No NIC on this host offers SR-IOV virtual functions (looked for /sys/class/net/*/device/sriov_totalvfs above 0).",
    );
  });

  it("refusals are field errors and define nothing: a bridge gone since the page loaded, a NIC taken since, a VLAN tag out of range, a portgroup name clash", async () => {
    const page = t.page;
    await ready(page);
    const before = await networkNames("hv-a");
    await labExec("hv-a", ["ip", "link", "add", "name", "sy-dev-tmpbr", "type", "bridge"]);
    await labExec("hv-a", ["ip", "link", "add", "sy-dv9a", "type", "veth", "peer", "name", "sy-dv9b"]);
    try {
      await startDeviceWizard(page, "hv-a", "sy-dev-refused", "bridge");
      await page.getByLabel("Host bridge", { exact: true }).selectOption("sy-dev-tmpbr");
      await labExec("hv-a", ["ip", "link", "del", "dev", "sy-dev-tmpbr"]);
      await page.getByRole("button", { name: "Finish" }).click({ timeout: 3000 }).catch(() => undefined);
      expect(await fieldError(page, "Host bridge")).toBe("There is no bridge 'sy-dev-tmpbr' on this host.");

      await page.getByLabel("Host bridge", { exact: true }).selectOption("ovsbr0");
      await page.getByRole("button", { name: "Add portgroup" }).click();
      await page.getByLabel("Portgroup name").last().fill("vlan10");
      await page.getByLabel("VLAN tag(s)").last().fill("5000");
      expect(await fieldError(page, "VLAN tag(s)")).toBe("Use VLAN tags from 1 to 4094.");
      await page.getByLabel("VLAN tag(s)").last().fill("10");
      await page.getByRole("button", { name: "Add portgroup" }).click();
      await page.getByLabel("Portgroup name").last().fill("vlan10");
      expect(await fieldError(page, "Portgroup name")).toBe("There is already a portgroup named 'vlan10'.");

      // A macvtap pool whose NIC became a bridge port after the page was read.
      await page.getByRole("button", { name: "Back" }).click();
      await page.getByRole("radio", { name: /^Macvtap on host interfaces/ }).check();
      await page.getByRole("button", { name: "Forward", exact: true }).click();
      await page.getByRole("heading", { name: "Step 2 of 2", exact: true }).waitFor();
      await page.locator("fieldset", { hasText: "Host interfaces (the pool)" }).getByLabel("sy-dv9a", { exact: true }).check();
      await labExec("hv-a", ["ip", "link", "add", "name", "sy-dev-tmpbr", "type", "bridge"]);
      await labExec("hv-a", ["ip", "link", "set", "dev", "sy-dv9a", "master", "sy-dev-tmpbr"]);
      await expect.poll(async () => (await page.getByRole("region", { name: "Review" }).innerText()), { timeout: 30_000 }).toMatch(/highlighted|is a port of bridge/);
      await page.getByRole("button", { name: "Finish" }).click({ timeout: 3000 }).catch(() => undefined);
      await expect.poll(() => page.locator("#device-interfaces-error").innerText().catch(() => ""), { timeout: 30_000 }).toBe(
        "'sy-dv9a' is a port of bridge 'sy-dev-tmpbr': macvtap on a bridge port fails (EBUSY).",
      );
      expect(await networkNames("hv-a")).toEqual(before);
    } finally {
      await labExec("hv-a", ["ip", "link", "del", "dev", "sy-dv9a"]);
      await labExec("hv-a", ["ip", "link", "del", "dev", "sy-dev-tmpbr"]);
    }
  });
});

describe("Open vSwitch and Linux VLAN/bond on the Interfaces page", () => {
  const t = usePage();

  it("adds an OVS bond of two NICs that ovs-appctl bond/show lists, and refuses a Linux VLAN naming the missing 8021q driver", async () => {
    const page = t.page;
    await ready(page);
    for (const v of VETHS) await labExec("hv-a", ["ip", "link", "add", v, "type", "veth", "peer", "name", v.replace(/a$/, "b")]);
    await page.goto("/hosts/hv-a/interfaces");
    const ovs = page.getByRole("table", { name: "Open vSwitch bridge ovsbr0" });
    await ovs.waitFor({ timeout: 60_000 });
    expect(await ovs.locator('tr[data-port="ovs-lan"]').innerText()).toMatch(/all VLANs/);

    const bond = page.getByRole("form", { name: "Add OVS bond" });
    await bond.getByLabel("Bond name").fill("sy-bond1");
    await bond.getByLabel("First NIC").selectOption("sy-dv0a");
    await bond.getByLabel("Second NIC").selectOption("sy-dv1a");
    await bond.getByRole("button", { name: "Add OVS bond" }).click();
    const dialog = page.getByRole("dialog");
    const argv = JSON.parse((await dialog.locator("code[data-argv]").first().getAttribute("data-argv"))!) as string[];
    expect(argv.slice(-5)).toEqual(["add-bond", "ovsbr0", "sy-bond1", "sy-dv0a", "sy-dv1a"]);
    await dialog.getByRole("button", { name: "Apply" }).click();
    await dialog.getByRole("status").getByText("Applied.").waitFor({ timeout: 90_000 });
    await closePlan(page);
    const show = await labExec("hv-a", ["ovs-appctl", "bond/show", "sy-bond1"]);
    expect(show.stdout).toMatch(/---- sy-bond1 ----/);
    expect(show.stdout).toMatch(/member sy-dv0a/);
    expect(show.stdout).toMatch(/member sy-dv1a/);
    await expect.poll(() => page.locator('tr[data-port="sy-bond1"]').innerText().catch(() => ""), { timeout: 30_000 }).toMatch(/bond \(active-backup\) of sy-dv0a, sy-dv1a/);

    const vlan = page.getByRole("form", { name: "Create Linux VLAN" });
    await vlan.getByLabel("VLAN parent").selectOption("eth2");
    await vlan.getByLabel("VLAN id").fill("10");
    await vlan.getByRole("button", { name: "Create Linux VLAN" }).click();
    await expect.poll(() => page.getByRole("alert").filter({ hasText: "8021q" }).innerText().catch(() => ""), { timeout: 30_000 }).toMatch(
      /This host's kernel \S+ has no support for 802\.1Q VLAN devices \(driver 8021q, CONFIG_VLAN_8021Q\)/,
    );
    expect((await hostLinks("hv-a")).some((l) => l.ifname === "eth2.10")).toBe(false);
  });
});
