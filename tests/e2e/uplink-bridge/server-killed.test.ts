import { readFileSync, rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { usePage } from "../support/browser";
import { hostNetState, killServer, lab, planBridgeLan0, reachability, seconds, setUpUplinkLab, signInTo, switchProcesses, whenLinkAppears } from "./support";

// Issue 21: the Switchyard server dies in the middle of the change (SIGKILL the moment the
// new bridge appears on the host). Nobody is left to prove or disarm: the switch fires by
// itself, and the host ends as it was and reachable.
const BRIDGE = "sy-ubr4";
const SWITCH_SECONDS = 10;
const uplink = setUpUplinkLab({ relay: true, bridges: [BRIDGE] });

describe("the server killed mid-change", () => {
  const t = usePage();

  it("still ends with the host reachable and as before: the switch fires", async () => {
    const page = t.page;
    const server = uplink.server;
    await signInTo(page, server);
    const before = await hostNetState(["lan0", BRIDGE]);
    const dialog = await planBridgeLan0(page, server, "hv-a-lan", BRIDGE, SWITCH_SECONDS);
    const switchId = await dialog.locator("[data-switch-id]").getAttribute("data-switch-id");
    const watch = reachability(lab().lan!.address);
    const killed = whenLinkAppears(BRIDGE).then((at) => {
      killServer(server);
      return at;
    });
    await dialog.getByRole("button", { name: "Apply" }).click();
    const killedAt = await killed;
    // The host decides alone now: poll it from outside until it is as before.
    let restoredAt = 0;
    while (Date.now() - killedAt < (SWITCH_SECONDS + 20) * 1000) {
      if (!(await hostNetState(["lan0", BRIDGE]).then((s) => JSON.stringify(s) === JSON.stringify(before)))) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      restoredAt = Date.now();
      break;
    }
    const gap = await watch.stop();
    console.log(`[uplink-bridge] server killed: the host reverted ${seconds(restoredAt - killedAt)} s after the kill; ${lab().lan!.address}:22 unreachable for at most ${seconds(gap.longestUnreachableMs)} s`);
    expect(restoredAt).toBeGreaterThan(0);
    expect(restoredAt - killedAt).toBeLessThan((SWITCH_SECONDS + 2) * 1000);
    expect(await hostNetState(["lan0", BRIDGE])).toEqual(before);
    expect(gap.stillDown).toBe(false);
    expect(await switchProcesses()).toEqual([]);
    // The switch says so itself; nobody came back to read it, so the test clears its directory.
    const dir = `/run/switchyard-deadman/${switchId}`;
    expect(readFileSync(`${dir}/state`, "utf8").trim()).toBe("fired");
    rmSync(dir, { recursive: true, force: true });
  }, 240_000);
});
