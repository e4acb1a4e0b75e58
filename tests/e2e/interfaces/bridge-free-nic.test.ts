import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labExec, labHost } from "@/lab";
import { usePage } from "../support/browser";
import { ready } from "../networks/support";
import { applyPlan, closePlan, deleteLinkIfPresent, linkNamed, stepArgv } from "./support";

// The seed's bridged setup by hand (brctl addbr / addif), from the Interfaces
// page on hv-a: a Linux bridge over the lab's free NIC, which carries no
// address, read back with `ip -d link`; then taken apart again.
const HOST = "hv-a";
const BRIDGE = "syif-bre2";
const NIC = labHost(HOST).lan!.nics.free;

async function cleanUp() {
  if ((await linkNamed(HOST, NIC))?.master === BRIDGE) await labExec(HOST, ["ip", "link", "set", "dev", NIC, "nomaster"]);
  await deleteLinkIfPresent(HOST, BRIDGE);
}
beforeAll(cleanUp);
afterAll(cleanUp);

describe("a Linux bridge over a NIC that carries no address", () => {
  const t = usePage();

  it(`creates ${BRIDGE}, adds the free NIC to it (ip -d link shows it as the bridge's port), and takes both apart`, async () => {
    const page = t.page;
    const before = (await labExec(HOST, ["ip", "-j", "-4", "addr", "show", "dev", NIC])).stdout;
    expect(JSON.parse(before)[0]?.addr_info ?? []).toEqual([]);
    await ready(page);
    await page.goto(`/hosts/${HOST}/interfaces`);
    const bridges = page.getByRole("table", { name: "Bridges" });
    await bridges.waitFor({ timeout: 60_000 });

    const create = page.getByRole("form", { name: "Create bridge" });
    await create.getByLabel("Bridge name").fill(BRIDGE);
    await create.getByRole("button", { name: "Create bridge" }).click();
    expect(await stepArgv(page.getByRole("dialog"), 0)).toEqual(["ip", "link", "add", "name", BRIDGE, "type", "bridge"]);
    await applyPlan(page);
    await closePlan(page);

    const add = page.getByRole("form", { name: "Add to bridge" });
    await add.getByLabel("Interface").selectOption(NIC);
    await add.getByLabel("Bridge").selectOption(BRIDGE);
    await add.getByRole("button", { name: "Add to bridge" }).click();
    const dialog = page.getByRole("dialog");
    expect(await stepArgv(dialog, 0)).toEqual(["ip", "link", "set", "dev", NIC, "master", BRIDGE]);
    expect(await dialog.innerText()).toContain(`brctl addif ${BRIDGE} ${NIC}`);
    await applyPlan(page);
    await closePlan(page);

    // The kernel's view: the NIC is a port of the new bridge.
    const shown = (await labExec(HOST, ["ip", "-d", "link", "show", "dev", NIC])).stdout;
    expect(shown).toMatch(new RegExp(`master ${BRIDGE}\\b`));
    expect(shown).toMatch(/bridge_slave/);
    expect((await labExec(HOST, ["ip", "-d", "link", "show", "dev", BRIDGE])).stdout).toMatch(/\bbridge\b/);
    const row = bridges.locator(`tr[data-if="${BRIDGE}"]`);
    await row.locator(`[data-port="${NIC}"]`).waitFor({ timeout: 30_000 });

    await row.getByRole("button", { name: `Remove ${NIC} from ${BRIDGE}` }).click();
    expect(await page.getByRole("dialog").innerText()).toContain(`brctl delif ${BRIDGE} ${NIC}`);
    await applyPlan(page);
    await closePlan(page);
    expect((await linkNamed(HOST, NIC))?.master).toBeUndefined();

    await page.getByRole("button", { name: `Delete bridge ${BRIDGE}` }).click();
    expect(await page.getByRole("dialog").innerText()).toContain(`brctl delbr ${BRIDGE}`);
    await applyPlan(page);
    await closePlan(page);
    expect(await linkNamed(HOST, BRIDGE)).toBeUndefined();
  });
});
