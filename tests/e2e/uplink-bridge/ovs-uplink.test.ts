import { describe, expect, it } from "vitest";
import { fault } from "@/lab";
import { usePage } from "../support/browser";
import { HOST, applyAndWait, hostNetState, hostOvs, lab, openInterfaces, openPlan, reachability, seconds, signInTo, switchProcesses, setUpUplinkLab } from "./support";

// Issue 21, Open vSwitch changes that touch the uplink: hv-a's lan0 (the NIC hv-a-lan is
// reached through, via the SSH relay) joins a fresh OVS bridge, and that bridge is then
// deleted, both under the dead-man switch's argv runner (ovs-vsctl lines and their undo).
// The ordinary path refuses both. Whether the lab keeps the host reachable through lan0
// once OVS's userspace datapath owns it decides "disarmed" or "reverted"; either way the
// host must end as the outcome says, checked with ovs-vsctl and ip from outside. Then the
// revert: hv-a's uplink eth0 (hv-a-up's path) joins the bridge while `lab fault cut-uplink`
// cuts that path, so the switch must run the ovs-vsctl undo by itself.
const OVS = "sy-ovsu";
const SWITCH_SECONDS = 15;
const uplink = setUpUplinkLab({
  relay: true,
  cleanUp: async () => {
    await fault(HOST, "cut-uplink", 0);
    await hostOvs("--if-exists", "del-br", OVS);
  },
});

const portsOf = async (bridge: string) => (await hostOvs("list-ports", bridge)).split("\n").filter(Boolean);
const bridges = async () => (await hostOvs("list-br")).split("\n").filter(Boolean);

describe("Open vSwitch on the uplink, under the dead-man switch", () => {
  const t = usePage();

  it("refuses lan0 as an OVS port unless confirmed, then adds it and deletes the bridge guarded", async () => {
    const page = t.page;
    const server = uplink.server;
    const lan = lab().lan!;
    await hostOvs("add-br", OVS, "--", "set", "bridge", OVS, "datapath_type=netdev");
    const before = await hostNetState(["lan0"]);
    await signInTo(page, server);
    await openInterfaces(page, server, "hv-a-lan");
    const form = page.getByRole("form", { name: "Change OVS on the uplink" });
    await form.getByLabel("Uplink OVS bridge").selectOption(OVS);
    await form.getByLabel("Uplink NIC or port").selectOption("lan0");
    await form.getByRole("button", { name: "Change OVS on the uplink" }).click();
    const box = form.getByLabel("Under the dead-man switch");
    await expect.poll(() => box.getAttribute("aria-invalid"), { timeout: 60_000 }).toBe("true");
    expect(await form.locator("[data-field-error]").innerText()).toMatch(/^lan0 carries Switchyard's SSH session; this change could cut the host off/);
    expect(await portsOf(OVS)).toEqual([]);

    await box.check();
    await form.getByLabel("Switch (s)").fill(String(SWITCH_SECONDS));
    const dialog = await openPlan(page, form, "Change OVS on the uplink");
    expect((await dialog.getByLabel("Change commands (one per line)", { exact: true }).innerText()).trim()).toBe(`'ovs-vsctl' '--timeout=20' 'add-port' '${OVS}' 'lan0'`);
    expect((await dialog.getByLabel("Undo commands (one per line, every one run)", { exact: true }).innerText()).trim()).toBe(`'ovs-vsctl' '--timeout=20' '--if-exists' 'del-port' '${OVS}' 'lan0'`);
    const watch = reachability(lan.address);
    const started = Date.now();
    const text = await applyAndWait(dialog);
    const gap = await watch.stop();
    const outcome = await dialog.getByTestId("guard-outcome").getAttribute("data-outcome");
    console.log(`[uplink-bridge] ovs add-port lan0: ${outcome}; ${lan.address}:22 unreachable for at most ${seconds(gap.longestUnreachableMs)} s; outcome after ${seconds(Date.now() - started)} s${outcome === "reverted" ? `; ${/Reverted after \d+\.\d s/.exec(text)?.[0]}` : ""}`);
    expect(["disarmed", "reverted"]).toContain(outcome);
    expect(await portsOf(OVS)).toEqual(outcome === "disarmed" ? ["lan0"] : []);
    expect(await hostNetState(["lan0"])).toEqual(before);
    expect(await switchProcesses()).toEqual([]);
    if (outcome !== "disarmed") return;

    // Deleting the bridge lan0 now belongs to: the plain "Delete" refuses, the guarded path takes it.
    await dialog.getByRole("button", { name: "Close" }).click();
    await openInterfaces(page, server, "hv-a-lan");
    const again = page.getByRole("form", { name: "Change OVS on the uplink" });
    await again.getByLabel("Uplink OVS bridge").selectOption(OVS);
    await again.getByLabel("Uplink change").selectOption("ovs-del-br");
    await again.getByLabel("Under the dead-man switch").check();
    await again.getByLabel("Switch (s)").fill(String(SWITCH_SECONDS));
    const del = await openPlan(page, again, "Change OVS on the uplink");
    const undo = (await del.getByLabel("Undo commands (one per line, every one run)", { exact: true }).innerText()).trim().split("\n");
    expect(undo.slice(0, 2)).toEqual([`'ovs-vsctl' '--timeout=20' 'add-br' '${OVS}' '--' 'set' 'bridge' '${OVS}' 'datapath_type=netdev'`, `'ovs-vsctl' '--timeout=20' 'add-port' '${OVS}' 'lan0'`]);
    const delWatch = reachability(lan.address);
    await applyAndWait(del);
    const delGap = await delWatch.stop();
    const delOutcome = await del.getByTestId("guard-outcome").getAttribute("data-outcome");
    console.log(`[uplink-bridge] ovs del-br ${OVS}: ${delOutcome}; ${lan.address}:22 unreachable for at most ${seconds(delGap.longestUnreachableMs)} s`);
    expect(delOutcome).toBe("disarmed");
    expect(await bridges()).not.toContain(OVS);
    expect(await hostNetState(["lan0"])).toEqual(before);
  }, 300_000);

  it("reverts by itself when the change cuts the path: the switch runs the ovs-vsctl undo", async () => {
    const page = t.page;
    const server = uplink.server;
    await hostOvs("--may-exist", "add-br", OVS, "--", "set", "bridge", OVS, "datapath_type=netdev");
    const before = await hostNetState(["eth0"]);
    await signInTo(page, server);
    await openInterfaces(page, server, "hv-a-up");
    const form = page.getByRole("form", { name: "Change OVS on the uplink" });
    await form.getByLabel("Uplink OVS bridge").selectOption(OVS);
    await form.getByLabel("Uplink NIC or port").selectOption("eth0");
    await form.getByLabel("Under the dead-man switch").check();
    await form.getByLabel("Switch (s)").fill("10");
    const dialog = await openPlan(page, form, "Change OVS on the uplink");
    // Cut hv-a's uplink the moment eth0 is on the bridge: nothing can prove the host until the switch fires.
    const cut = (async () => {
      for (let i = 0; i < 2400; i++) {
        if ((await portsOf(OVS)).includes("eth0")) return fault(HOST, "cut-uplink", 14);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    const watch = reachability(lab().address);
    const started = Date.now();
    const text = await applyAndWait(dialog);
    await cut;
    const gap = await watch.stop();
    const revertedAfter = Number(/Reverted after (\d+\.\d) s/.exec(text)?.[1]);
    console.log(`[uplink-bridge] ovs add-port eth0 under cut-uplink: ${lab().address}:22 unreachable for at most ${seconds(gap.longestUnreachableMs)} s (cut 14 s); the switch fired ${revertedAfter} s after arming; outcome after ${seconds(Date.now() - started)} s`);
    expect(await dialog.getByTestId("guard-outcome").getAttribute("data-outcome")).toBe("reverted");
    expect(revertedAfter).toBeGreaterThanOrEqual(9.5);
    expect(revertedAfter).toBeLessThan(12);
    expect(await portsOf(OVS)).toEqual([]);
    expect(await hostNetState(["eth0"])).toEqual(before);
    expect(await switchProcesses()).toEqual([]);
  }, 300_000);
});
