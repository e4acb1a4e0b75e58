import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fault, hostNamespaces, labExec } from "@/lab";
import { usePage } from "../support/browser";
import { HOST, applyAndWait, hostNetState, lab, openInterfaces, openPlan, reachability, seconds, signInTo, switchProcesses, setUpUplinkLab } from "./support";

// Issue 21, "the same switch guards every other change that can cut the host off":
// removing an address. hv-a is reached as hv-a-lan, through the SSH relay on lan0's
// address, so that address really is the path. Without confirmation its removal is
// refused on the box; confirmed, it runs under the switch, the session is cut for real,
// the host puts the address back by itself and Switchyard finds it as before (as data).
// An address nobody reaches the host through goes as an ordinary plan.
const SPARE = { dev: "eth2", address: "203.0.113.7/24" };
const SWITCH_SECONDS = 10;

const exec = promisify(execFile);
const uplink = setUpUplinkLab({
  relay: true,
  cleanUp: async () => {
    await fault(HOST, "cut-uplink", 0);
    await labExec(HOST, ["ip", "addr", "del", SPARE.address, "dev", SPARE.dev]);
    await labExec(HOST, ["ip", "route", "replace", "198.18.0.0/30", "dev", "eth0", "proto", "kernel", "scope", "link", "src", lab().address]);
  },
});

describe("removing an address", () => {
  const t = usePage();

  it("removes an address that does not carry the session as a plain plan", async () => {
    const page = t.page;
    const server = uplink.server;
    expect((await labExec(HOST, ["ip", "addr", "add", SPARE.address, "dev", SPARE.dev])).code).toBe(0);
    await signInTo(page, server);
    await openInterfaces(page, server, "hv-a-lan");
    const form = page.getByRole("form", { name: "Remove address" });
    await form.getByLabel("Address to remove").selectOption(`${SPARE.dev} ${SPARE.address}`);
    const dialog = await openPlan(page, form, "Remove address");
    expect(await dialog.getByTestId("switch-seconds").count()).toBe(0);
    expect(await dialog.innerText()).toContain(`ip address del ${SPARE.address}`);
    expect(await applyAndWait(dialog)).toContain("Applied.");
    expect((await hostNetState([SPARE.dev])).addresses[SPARE.dev]).toEqual([]);
  }, 120_000);

  it("refuses the address Switchyard reaches the host through unless the switch is confirmed, then reverts by itself", async () => {
    const page = t.page;
    const server = uplink.server;
    const lan = lab().lan!;
    const path = `${lan.address}/${lan.prefix}`;
    const before = await hostNetState(["lan0"]);
    expect(before.addresses.lan0!.map((a) => `${a.local}/${a.prefixlen}`)).toEqual([path]);
    await signInTo(page, server);
    await openInterfaces(page, server, "hv-a-lan");
    const form = page.getByRole("form", { name: "Remove address" });
    await form.getByLabel("Address to remove").selectOption(`lan0 ${path}`);

    // Not confirmed: the refusal is on the box, no plan, nothing changed.
    await form.getByRole("button", { name: "Remove address" }).click();
    const box = form.getByLabel("Under the dead-man switch");
    await expect.poll(() => box.getAttribute("aria-invalid"), { timeout: 60_000 }).toBe("true");
    expect(await form.locator("[data-field-error]").innerText()).toMatch(new RegExp(`${path.replace(/\./g, "\\.")} on lan0 carries Switchyard's connection to this host \\(Switchyard connects to ${lan.address.replace(/\./g, "\\.")}\\)`));
    expect(await page.getByRole("dialog").count()).toBe(0);
    expect(await hostNetState(["lan0"])).toEqual(before);

    // Confirmed: the plan runs under the switch.
    await box.check();
    await form.getByLabel("Switch (s)").fill(String(SWITCH_SECONDS));
    const dialog = await openPlan(page, form, "Remove address");
    expect(await dialog.getByTestId("switch-seconds").innerText()).toBe(`${SWITCH_SECONDS} s`);
    const doInput = (await dialog.getByLabel("Change input (ip -batch)", { exact: true }).innerText()).trim();
    expect(doInput).toMatch(new RegExp(`^address del ${path.replace(/\./g, "\\.")}( broadcast \\S+)? dev lan0$`));
    expect((await dialog.getByLabel("Undo input (ip -force -batch)", { exact: true }).innerText()).trim()).toBe(doInput.replace("address del", "address add"));

    const watch = reachability(lan.address);
    const started = Date.now();
    const text = await applyAndWait(dialog);
    const gap = await watch.stop();
    const revertedAfter = Number(/Reverted after (\d+\.\d) s/.exec(text)?.[1]);
    console.log(`[uplink-bridge] remove-address: ${lan.address}:22 unreachable for ${seconds(gap.longestUnreachableMs)} s; the switch fired ${revertedAfter} s after arming; outcome after ${seconds(Date.now() - started)} s`);
    expect(await dialog.getByTestId("guard-outcome").getAttribute("data-outcome")).toBe("reverted");
    expect(revertedAfter).toBeGreaterThanOrEqual(SWITCH_SECONDS - 0.5);
    expect(revertedAfter).toBeLessThan(SWITCH_SECONDS + 2);
    expect(gap.stillDown).toBe(false);
    expect(await hostNetState(["lan0"])).toEqual(before);
    expect(await switchProcesses()).toEqual([]);

    await page.goto(`${server.baseURL}/audit`);
    const audit = await page.locator("main").innerText();
    expect(audit).toContain("interface.remove-address.armed");
    expect(audit).toMatch(/interface\.remove-address[\s\S]*Reverted after \d+\.\d s/);
  }, 300_000);

  it("removes the route the host answers Switchyard by only under the switch, which puts it back", async () => {
    const page = t.page;
    const server = uplink.server;
    // hv-a-up: Switchyard reaches 198.18.0.2 from 198.18.0.1, answered through eth0's connected route.
    const route = "198.18.0.0/30 dev eth0";
    const before = await hostNetState(["eth0"]);
    await signInTo(page, server);
    await openInterfaces(page, server, "hv-a-up");
    const form = page.getByRole("form", { name: "Remove route" });
    await form.getByLabel("Route to remove").selectOption(route);
    await form.getByRole("button", { name: "Remove route" }).click();
    const box = form.getByLabel("Under the dead-man switch");
    await expect.poll(() => box.getAttribute("aria-invalid"), { timeout: 60_000 }).toBe("true");
    expect(await form.locator("[data-field-error]").innerText()).toMatch(/the host answers Switchyard \(198\.18\.0\.1\) through the route 198\.18\.0\.0\/30 dev eth0/);
    await box.check();
    await form.getByLabel("Switch (s)").fill(String(SWITCH_SECONDS));
    const dialog = await openPlan(page, form, "Remove route");
    expect((await dialog.getByLabel("Change input (ip -batch)", { exact: true }).innerText()).trim()).toBe("route del 198.18.0.0/30 dev eth0 proto kernel scope link src 198.18.0.2");
    // Without its connected route hv-a still answers through its default route on the same NIC, so
    // the lab cuts eth0 the moment the route is gone: no proof can come, the switch must re-add it.
    const cut = (async () => {
      for (let i = 0; i < 4800; i++) {
        const { stdout } = await exec("ip", ["-n", hostNamespaces(HOST).netns, "route", "show", "198.18.0.0/30"]);
        if (stdout.trim() === "") return fault(HOST, "cut-uplink", 14);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const watch = reachability(lab().address);
    const text = await applyAndWait(dialog);
    await cut;
    const gap = await watch.stop();
    console.log(`[uplink-bridge] remove-route under cut-uplink: ${lab().address}:22 unreachable for at most ${seconds(gap.longestUnreachableMs)} s (cut 14 s); ${/Reverted after \d+\.\d s/.exec(text)?.[0]}`);
    expect(await dialog.getByTestId("guard-outcome").getAttribute("data-outcome")).toBe("reverted");
    expect(await hostNetState(["eth0"])).toEqual(before);
    expect(await switchProcesses()).toEqual([]);
  }, 300_000);
});
