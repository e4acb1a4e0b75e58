import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { labVirsh } from "@/lab";
import { usePage } from "../support/browser";
import { defineNetwork, ready, removeNetwork } from "../networks/support";
import { applyPlan, closePlan, domifMacs, hostLinks, inactiveXml, randomMac, restoreGuest, stepArgv, waitForRunning } from "./support";

// Add Hardware → Network from the browser: db1 on hv-a joins a new isolated
// network live (and keeps it across destroy + start); web1 on hv-b gets a
// macvtap on eth2 in bridge mode. Both NICs are removed through the UI, and
// the guests are put back (power cycled) whatever happens.
const NET = "sy-if-iso";
const NET_BRIDGE = "syif-virbr9";
const attached: { host: string; vm: string; mac: string }[] = [];

async function cleanUp() {
  for (const { host, vm, mac } of attached) await restoreGuest(host, vm, [mac]);
  await removeNetwork("hv-a", NET);
}
beforeAll(async () => {
  await removeNetwork("hv-a", NET);
  await defineNetwork("hv-a", NET, NET_BRIDGE, "10.251.9");
  const started = await labVirsh("hv-a", ["net-start", "--", NET]);
  if (started.code !== 0) throw new Error(started.stderr);
});
afterAll(cleanUp);

/** Removes the NIC through the VM page; returns once the plan applied. */
async function removeThroughUi(page: Page, host: string, vm: string, mac: string) {
  await page.goto(`/hosts/${host}/vms/${vm}`);
  const row = page.locator(`tr[data-mac="${mac}"]`);
  await row.waitFor({ timeout: 60_000 });
  await row.getByRole("button", { name: `Remove ${mac}` }).click();
  const dialog = page.getByRole("dialog");
  expect((await stepArgv(dialog, 0)).slice(5, 9)).toEqual(["detach-interface", "--mac", mac, "--config"]);
  expect((await stepArgv(dialog, 1)).slice(5, 9)).toEqual(["detach-interface", "--mac", mac, "--live"]);
  await applyPlan(page);
  await closePlan(page);
}

/** After a removal: gone from the definition, and the page says what the running guest really has. */
async function expectHonestRemoval(page: Page, host: string, vm: string, mac: string) {
  expect(await inactiveXml(host, vm)).not.toContain(mac);
  await page.reload();
  await page.getByRole("heading", { name: new RegExp(`Network interfaces of ${vm}`) }).waitFor({ timeout: 60_000 });
  const row = page.locator(`tr[data-mac="${mac}"]`);
  if ((await domifMacs(host, vm)).includes(mac)) {
    // The guest has no OS: libvirt never reports the unplug done, and neither may the page.
    expect(await row.getAttribute("data-presence")).toBe("removal-pending");
    expect(await row.locator('[data-column="status"]').innerText()).toMatch(/Removal pending/);
    await page.getByRole("status").filter({ hasText: "live unplug is pending" }).waitFor();
  } else {
    expect(await row.count()).toBe(0);
  }
}

describe("VM network interfaces", () => {
  const t = usePage();

  it("attaches running db1 live to a new isolated network, keeps it across destroy + start, and removes it", async () => {
    const page = t.page;
    await ready(page);
    // From the network's VMs tab to the VM list, then the VM's row.
    await page.goto(`/hosts/hv-a/networks/${NET}`);
    await page.getByRole("tab", { name: "VMs" }).click();
    await page.getByRole("link", { name: "Add network interface…" }).click();
    await page.getByRole("link", { name: "Add network interface to db1" }).click();
    const form = page.getByRole("form", { name: "Add network interface" });
    await form.waitFor({ timeout: 60_000 });
    expect(await form.getByLabel("Network source").inputValue()).toBe(`network:${NET}`);
    await form.getByLabel("Device model").selectOption("virtio");
    await form.getByRole("button", { name: "Add network interface" }).click();

    const argv = await stepArgv(page.getByRole("dialog"), 0);
    const mac = argv[argv.indexOf("--mac") + 1]!;
    expect(mac).toMatch(/^52:54:00(:[0-9a-f]{2}){3}$/);
    attached.push({ host: "hv-a", vm: "db1", mac });
    expect(argv).toEqual(expect.arrayContaining(["attach-interface", "--model", "virtio", "--config", "--live", NET]));
    await applyPlan(page);
    await closePlan(page);

    const taps = (await hostLinks("hv-a")).filter((l) => l.master === NET_BRIDGE && l.linkinfo?.info_kind === "tun");
    expect(taps.length).toBe(1);
    expect(await domifMacs("hv-a", "db1")).toContain(mac);
    await page.locator(`tr[data-mac="${mac}"][data-presence="attached"]`).waitFor({ timeout: 60_000 });

    // Persistent: a cold restart brings it back from the definition.
    await labVirsh("hv-a", ["destroy", "--", "db1"]);
    await labVirsh("hv-a", ["start", "--", "db1"]);
    await waitForRunning("hv-a", "db1");
    expect(await domifMacs("hv-a", "db1")).toContain(mac);

    await removeThroughUi(page, "hv-a", "db1", mac);
    await expectHonestRemoval(page, "hv-a", "db1", mac);
  });

  it("attaches web1 through macvtap on eth2 in bridge mode, and removes it", async () => {
    const page = t.page;
    await ready(page);
    await page.goto("/hosts/hv-b/vms");
    await page.getByRole("link", { name: "Add network interface to web1" }).click();
    const form = page.getByRole("form", { name: "Add network interface" });
    await form.waitFor({ timeout: 60_000 });
    await form.getByLabel("Network source").selectOption({ label: "Host device eth2: macvtap" });
    await form.getByLabel("Source mode").selectOption("bridge");
    await form.getByLabel("Device model").selectOption("e1000e");
    await form.getByLabel("Set it").check();
    await form.getByLabel("MAC", { exact: true }).fill("01:00:5e:00:00:01");
    await form.getByRole("button", { name: "Add network interface" }).click();
    await page.getByText("multicast address").first().waitFor();
    const mac = randomMac();
    await form.getByLabel("MAC", { exact: true }).fill(mac.toUpperCase());
    await form.getByRole("button", { name: "Add network interface" }).click();

    const dialog = page.getByRole("dialog");
    expect((await stepArgv(dialog, 0)).slice(5)).toEqual(expect.arrayContaining(["attach-device", "--config", "--live", "/dev/stdin"]));
    expect(await dialog.getByLabel("Network XML").textContent()).toContain("<source dev='eth2' mode='bridge'/>");
    attached.push({ host: "hv-b", vm: "web1", mac });
    await applyPlan(page);
    await closePlan(page);

    const macvtaps = (await hostLinks("hv-b")).filter((l) => l.linkinfo?.info_kind === "macvtap" && l.link === "eth2");
    expect(macvtaps.map((l) => l.linkinfo?.info_data?.mode)).toContain("bridge");
    expect(await domifMacs("hv-b", "web1")).toContain(mac);

    await removeThroughUi(page, "hv-b", "web1", mac);
    await expectHonestRemoval(page, "hv-b", "web1", mac);
  });
});
