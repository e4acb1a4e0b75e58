import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { labVirsh } from "@/lab";
import { usePage } from "../support/browser";
import { ready, removeNetwork } from "../networks/support";
import { applyPlan, closePlan, deleteLinkIfPresent, linkNamed, stepArgv } from "./support";

// The seed's manual bridge from the browser on hv-a (root key): create a
// bridge and a TAP, enslave and release the TAP, delete both; and the refusals.
const HOST = "hv-a";
const BRIDGE = "syif-br1";
const TAP = "syif-tap1";
const BR0_NET = "sy-if-br0net";

async function cleanUp() {
  await deleteLinkIfPresent(HOST, TAP);
  await deleteLinkIfPresent(HOST, BRIDGE);
  await removeNetwork(HOST, BR0_NET);
}
beforeAll(cleanUp);
afterAll(cleanUp);

async function openInterfaces(page: Page) {
  await page.goto(`/hosts/${HOST}/interfaces`);
  await page.getByRole("table", { name: "Bridges" }).waitFor({ timeout: 60_000 });
}

async function create(page: Page, form: "Create bridge" | "Create TAP device", label: string, name: string) {
  const f = page.getByRole("form", { name: form });
  await f.getByLabel(label).fill(name);
  await f.getByRole("button", { name: form }).click();
  return page.getByRole("dialog");
}

/**
 * Clicks until the page shows the refusal: on a loaded machine a click can land
 * before React has hydrated the button, and is then lost. A refusal changes
 * nothing, so asking twice is harmless. Next's route announcer is an alert
 * too, so all alerts are read together, and a failure shows what they said.
 */
async function refusalAfter(page: Page, click: () => Promise<void>, expected: RegExp) {
  await expect.poll(async () => {
    const said = (await page.getByRole("alert").allInnerTexts()).join(" | ");
    if (!expected.test(said)) await click().catch(() => {});
    return said;
  }, { timeout: 60_000, interval: 2_000 }).toMatch(expected);
}

describe("host bridges and TAP devices", () => {
  const t = usePage();

  it("creates a bridge and a TAP, puts the TAP in the bridge, takes it out, and deletes both", async () => {
    const page = t.page;
    await ready(page);
    await openInterfaces(page);
    await expect.poll(() => page.getByRole("note").innerText()).toMatch(/runtime-only.*do not survive a reboot/s);

    let dialog = await create(page, "Create bridge", "Bridge name", BRIDGE);
    expect(await stepArgv(dialog, 0)).toEqual(["ip", "link", "add", "name", BRIDGE, "type", "bridge"]);
    expect(await dialog.innerText()).toContain(`brctl addbr ${BRIDGE}`);
    await applyPlan(page);
    await closePlan(page);
    expect((await linkNamed(HOST, BRIDGE))?.linkinfo?.info_kind).toBe("bridge");

    dialog = await create(page, "Create TAP device", "TAP name", TAP);
    expect(await stepArgv(dialog, 0)).toEqual(["ip", "tuntap", "add", "dev", TAP, "mode", "tap"]);
    await applyPlan(page);
    await closePlan(page);
    expect((await linkNamed(HOST, TAP))?.linkinfo?.info_kind).toBe("tun");

    // A name in use is refused before any plan.
    await page.getByRole("form", { name: "Create TAP device" }).getByLabel("TAP name").fill(TAP);
    await page.getByRole("form", { name: "Create TAP device" }).getByRole("button", { name: "Create TAP device" }).click();
    await page.getByText(`An interface named ${TAP} already exists`).first().waitFor();

    const add = page.getByRole("form", { name: "Add to bridge" });
    await add.getByLabel("Interface").selectOption(TAP);
    await add.getByLabel("Bridge").selectOption(BRIDGE);
    await add.getByRole("button", { name: "Add to bridge" }).click();
    dialog = page.getByRole("dialog");
    expect(await stepArgv(dialog, 0)).toEqual(["ip", "link", "set", "dev", TAP, "master", BRIDGE]);
    expect(await dialog.innerText()).toContain(`brctl addif ${BRIDGE} ${TAP}`);
    await applyPlan(page);
    await closePlan(page);
    expect((await linkNamed(HOST, TAP))?.master).toBe(BRIDGE);
    const bridgeRow = page.getByRole("table", { name: "Bridges" }).locator(`tr[data-if="${BRIDGE}"]`);
    await bridgeRow.locator(`[data-port="${TAP}"]`).waitFor({ timeout: 30_000 });

    await bridgeRow.getByRole("button", { name: `Remove ${TAP} from ${BRIDGE}` }).click();
    expect(await page.getByRole("dialog").innerText()).toContain(`brctl delif ${BRIDGE} ${TAP}`);
    await applyPlan(page);
    await closePlan(page);
    expect((await linkNamed(HOST, TAP))?.master).toBeUndefined();

    await page.getByRole("button", { name: `Delete TAP ${TAP}` }).click();
    expect(await stepArgv(page.getByRole("dialog"), 0)).toEqual(["ip", "link", "del", "dev", TAP]);
    await applyPlan(page);
    await closePlan(page);
    expect(await linkNamed(HOST, TAP)).toBeUndefined();

    await page.getByRole("button", { name: `Delete bridge ${BRIDGE}` }).click();
    expect(await page.getByRole("dialog").innerText()).toContain(`brctl delbr ${BRIDGE}`);
    await applyPlan(page);
    await closePlan(page);
    expect(await linkNamed(HOST, BRIDGE)).toBeUndefined();
    await page.getByRole("table", { name: "Bridges" }).locator(`tr[data-if="${BRIDGE}"]`).waitFor({ state: "detached", timeout: 30_000 });
  });

  it("refuses deleting br0 while a network uses it, naming the network, and refuses touching eth0", async () => {
    const page = t.page;
    const xml = `<network><name>${BR0_NET}</name><forward mode='bridge'/><bridge name='br0'/></network>`;
    const defined = await labVirsh(HOST, ["net-define", "/dev/stdin"], { stdin: xml });
    expect(defined.code, defined.stderr).toBe(0);
    await ready(page);
    await openInterfaces(page);

    const br0 = page.getByRole("table", { name: "Bridges" }).locator('tr[data-if="br0"]');
    await expect.poll(() => br0.innerText()).toContain(BR0_NET);
    await refusalAfter(page, () => br0.getByRole("button", { name: "Delete bridge br0" }).click({ timeout: 2_000 }), new RegExp(`br0 is used by network ${BR0_NET}`));
    expect(await page.getByRole("dialog").count()).toBe(0);

    const eth0 = page.getByRole("table", { name: "NICs" }).locator('tr[data-if="eth0"]');
    expect(await eth0.innerText()).toContain("the SSH session");
    const add = page.getByRole("form", { name: "Add to bridge" });
    await add.getByLabel("Interface").selectOption("eth0");
    await add.getByLabel("Bridge").selectOption("br0");
    await refusalAfter(page, () => add.getByRole("button", { name: "Add to bridge" }).click({ timeout: 2_000 }), /eth0 carries the console's SSH session/);
    expect(await page.getByRole("dialog").count()).toBe(0);
    expect((await linkNamed(HOST, "eth0"))?.master).toBeUndefined();
    expect(await linkNamed(HOST, "br0")).toBeDefined();
  });
});
