import { describe, expect, it } from "vitest";
import { fault } from "@/lab";
import { usePage } from "../support/browser";
import { HOST, applyAndWait, hostNetState, lab, planBridgeLan0, reachability, seconds, setUpUplinkLab, signInTo, switchProcesses, whenLinkAppears } from "./support";

// Issue 21, the revert: Switchyard reaches hv-a by its uplink (hv-a-up), the path
// `lab fault hv-a cut-uplink` cuts. The cut is armed the moment the new bridge appears on
// the host (the change has started; Switchyard has not proven anything yet) and lasts past
// the switch's time, so no new connection can prove the host: the host must revert by
// itself, and Switchyard must find it as it was (compared as data) once the cut lifts.
const BRIDGE = "sy-ubr1";
const SWITCH_SECONDS = 10;
const CUT_SECONDS = 14;
const uplink = setUpUplinkLab({ bridges: [BRIDGE], cleanUp: () => fault(HOST, "cut-uplink", 0) });

describe("a change that cuts the host off reverts by itself", () => {
  const t = usePage();

  it("reverts within the switch's time when the uplink is cut during the change, and says so", async () => {
    const page = t.page;
    const server = uplink.server;
    await signInTo(page, server);
    const before = await hostNetState(["lan0", BRIDGE]);
    const dialog = await planBridgeLan0(page, server, "hv-a-up", BRIDGE, SWITCH_SECONDS);
    expect(await dialog.getByTestId("switch-seconds").innerText()).toBe(`${SWITCH_SECONDS} s`);

    const watch = reachability(lab().address);
    const cutArmed = whenLinkAppears(BRIDGE).then(async (at) => {
      await fault(HOST, "cut-uplink", CUT_SECONDS);
      return at;
    });
    const started = Date.now();
    const text = await applyAndWait(dialog);
    const changeSeenAt = await cutArmed;
    const gap = await watch.stop();
    console.log(`[uplink-bridge] cut-uplink: cut armed when the bridge appeared, ${changeSeenAt - started} ms after Apply; ${lab().address}:22 unreachable for at most ${seconds(gap.longestUnreachableMs)} s (the cut lasts ${CUT_SECONDS} s); outcome after ${seconds(Date.now() - started)} s`);

    expect(await dialog.getByTestId("guard-outcome").getAttribute("data-outcome")).toBe("reverted");
    expect(text).toMatch(/Reverted: the host's dead-man switch undid the change/);
    const after = Number(/Reverted after (\d+\.\d) s/.exec(text)?.[1]);
    console.log(`[uplink-bridge] cut-uplink: the switch fired ${after} s after arming`);
    expect(after).toBeGreaterThanOrEqual(SWITCH_SECONDS - 0.5);
    expect(after).toBeLessThan(SWITCH_SECONDS + 2);

    // As data: lan0's addresses, routes and (no) bridge exactly as before; the bridge is gone.
    expect(await hostNetState(["lan0", BRIDGE])).toEqual(before);
    expect(await switchProcesses()).toEqual([]);

    await page.goto(`${server.baseURL}/audit`);
    const audit = await page.locator("main").innerText();
    expect(audit).toMatch(/interface\.bridge-nic[\s\S]*reverted/);
    expect(audit).toMatch(/Reverted after \d+\.\d s: (no new SSH connection to 198\.18\.0\.\d+:22 proved the host|the arming connection dropped)/);
  }, 300_000);
});
