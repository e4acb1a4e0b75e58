import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { probe } from "@/lab";
import { usePage } from "../support/browser";
import { HOST, applyAndWait, hostNetState, lab, planBridgeLan0, reachability, seconds, setUpUplinkLab, signInTo, switchProcesses } from "./support";

// Issue 21, the main path: on hv-a, registered by its LAN address (so Switchyard reaches it
// through lan0), lan0 becomes the port of a new bridge; the address and routes move; a new
// SSH connection through the bridge proves the host; the switch is disarmed and gone; a
// probe guest on the bridge gets a LAN lease and reaches the LAN router.
const BRIDGE = "sy-ubr0";
const uplink = setUpUplinkLab({ relay: true, bridges: [BRIDGE] });

describe("Bridge this NIC on the NIC Switchyard reaches the host through", () => {
  const t = usePage();

  it("moves lan0's address and routes onto a new bridge, proves the host over a new connection through it, and disarms", async () => {
    const page = t.page;
    const server = uplink.server;
    const lan = lab().lan!;
    await signInTo(page, server);
    const before = await hostNetState(["lan0", BRIDGE]);
    expect(before.addresses.lan0!.map((a) => `${a.local}/${a.prefixlen}`)).toEqual([`${lan.address}/${lan.prefix}`]);

    const dialog = await planBridgeLan0(page, server, "hv-a-lan", BRIDGE, 30);
    expect(await dialog.getByTestId("switch-seconds").innerText()).toBe("30 s");
    expect(await dialog.getByTestId("persistence").innerText()).toMatch(/^Not persisted: no network manager found/);
    const table = dialog.getByRole("table", { name: "Addresses and routes" });
    expect(await table.locator('tr[data-device="lan0"] td[data-when="before"]').innerText()).toContain(`${lan.address}/${lan.prefix}`);
    expect(await table.locator(`tr[data-device="${BRIDGE}"] td[data-when="after"]`).innerText()).toContain(`${lan.address}/${lan.prefix}`);
    const doInput = await dialog.getByLabel("Change input (ip -batch)", { exact: true }).innerText();
    expect(doInput.split("\n").filter(Boolean)).toEqual([
      `link add name ${BRIDGE} type bridge stp_state 0 forward_delay 0`,
      expect.stringMatching(new RegExp(`^link set dev ${BRIDGE} address ([0-9a-f]{2}:){5}[0-9a-f]{2}$`)),
      `link set dev ${BRIDGE} up`,
      `link set dev lan0 master ${BRIDGE}`,
      expect.stringMatching(new RegExp(`^address del ${lan.address.replace(/\./g, "\\.")}/${lan.prefix}( broadcast \\S+)? dev lan0$`)),
      expect.stringMatching(new RegExp(`^address add ${lan.address.replace(/\./g, "\\.")}/${lan.prefix}( broadcast \\S+)? dev ${BRIDGE}$`)),
    ]);
    const undoInput = await dialog.getByLabel("Undo input (ip -force -batch)", { exact: true }).innerText();
    expect(undoInput.trim().split("\n").at(-1)).toBe(`link del dev ${BRIDGE}`);
    const switchId = await dialog.locator("[data-switch-id]").getAttribute("data-switch-id");

    const watch = reachability(lan.address);
    const text = await applyAndWait(dialog);
    const gap = await watch.stop();
    console.log(`[uplink-bridge] lan0 bridged: ${lan.address}:22 unreachable for at most ${seconds(gap.longestUnreachableMs)} s (probed every 100 ms)`);
    expect(text).toContain("Applied.");
    expect(await dialog.getByTestId("guard-outcome").getAttribute("data-outcome")).toBe("disarmed");
    expect(text).toMatch(/Reachable through a new SSH connection to 198\.18\.0\.\d+:22 \(host key unchanged, virsh answering\)/);
    expect(text).toMatch(/dead-man switch is disarmed/);
    expect(gap.stillDown).toBe(false);

    // The host, read from outside: the address and the connected route moved, lan0 is the port.
    const after = await hostNetState(["lan0", BRIDGE]);
    expect(after.addresses.lan0).toEqual([]);
    expect(after.addresses[BRIDGE]).toEqual(before.addresses.lan0);
    expect(after.masters).toEqual({ lan0: BRIDGE, [BRIDGE]: null });
    expect(after.routes).toEqual(before.routes.map((r) => ({ ...r, dev: BRIDGE })));
    // No switch left: no process, and its directory is gone.
    expect((await switchProcesses()).filter((l) => l.includes(switchId!))).toEqual([]);
    expect(existsSync(`/run/switchyard-deadman/${switchId}`)).toBe(false);

    // A guest on the new bridge is on the LAN: a lease from the LAN's DHCP, and the router answers.
    const result = await probe(HOST, BRIDGE, { ping: [lan.router] });
    expect(result.lease.ip.startsWith(lan.subnet.split(".").slice(0, 3).join("."))).toBe(true);
    expect(result.lease.router).toBe(lan.router);
    expect(result.pings).toEqual([{ target: lan.router, ok: true }]);

    // From the new bridge, a bridged network: the wizard's bridged mode with the bridge chosen.
    const link = dialog.getByRole("link", { name: `Create a bridged network on ${BRIDGE} →` });
    expect(await link.getAttribute("href")).toBe(`/hosts/hv-a-lan/new-network?mode=bridge&bridge=${BRIDGE}`);
    const wizard = await page.context().newPage();
    await wizard.goto(`${server.baseURL}/hosts/hv-a-lan/new-network?mode=bridge&bridge=${BRIDGE}`);
    // react-hook-form checks the radio once the page has hydrated.
    await expect.poll(() => wizard.locator('input[type="radio"][value="bridge"]').isChecked(), { timeout: 15_000 }).toBe(true);
    await wizard.close();

    // The audit: the arming, then the proof and the timings.
    await page.goto(`${server.baseURL}/audit`);
    const audit = await page.locator("main").innerText();
    expect(audit).toContain("interface.bridge-nic.armed");
    expect(audit).toMatch(/Reachable through a new SSH connection.*Timings: .*proven: new SSH connection/s);

    // Back the same guarded way. The plain Delete still refuses: the bridge carries the connection.
    await page.goto(`${server.baseURL}/hosts/hv-a-lan/interfaces`);
    const row = page.getByRole("table", { name: "Bridges" }).locator(`tr[data-if="${BRIDGE}"]`);
    await row.waitFor({ timeout: 60_000 });
    await expect.poll(async () => {
      const said = (await page.getByRole("alert").allInnerTexts()).join(" | ");
      if (!/carries the console's SSH session/.test(said)) await row.getByRole("button", { name: `Delete bridge ${BRIDGE}` }).click().catch(() => {});
      return said;
    }, { timeout: 60_000, interval: 2_000 }).toMatch(new RegExp(`${BRIDGE} carries the console's SSH session`));
    await row.getByRole("button", { name: `Unbridge ${BRIDGE}` }).click();
    const back = page.getByRole("dialog");
    await back.waitFor({ timeout: 60_000 });
    expect((await back.getByLabel("Change input (ip -batch)", { exact: true }).innerText()).trim().split("\n").at(-1)).toBe(`link del dev ${BRIDGE}`);
    const backWatch = reachability(lan.address);
    const backText = await applyAndWait(back);
    const backGap = await backWatch.stop();
    console.log(`[uplink-bridge] unbridged: ${lan.address}:22 unreachable for at most ${seconds(backGap.longestUnreachableMs)} s`);
    expect(backText).toContain("Applied.");
    expect(await back.getByTestId("guard-outcome").getAttribute("data-outcome")).toBe("disarmed");
    expect(await hostNetState(["lan0", BRIDGE])).toEqual(before);
    expect(await switchProcesses()).toEqual([]);
  }, 300_000);
});
