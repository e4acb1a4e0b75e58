import { describe, expect, it } from "vitest";
import { labExec } from "@/lab";
import { usePage } from "../support/browser";
import { HOST, applyAndWait, hostNetState, linkExists, planBridgeLan0, setUpUplinkLab, signInTo, switchProcesses } from "./support";

// Issue 21, a change that fails on the host: the switch undoes at once exactly the lines
// that ran (the tail of the same undo input) and nothing is left. Both failures are made
// between the plan and Apply, as a concurrent admin would: a macvlan on lan0 (a NIC with
// macvlan uppers cannot become a bridge port, EBUSY at line 4, after the bridge exists),
// and a link taking the bridge's name (line 1: nothing ran, and that link is not touched).
const HALF = "sy-ubr2";
const TAKEN = "sy-ubr3";
const MACVLAN = "sy-ubmv0";
const uplink = setUpUplinkLab({
  relay: true,
  bridges: [HALF],
  cleanUp: async () => {
    for (const l of [MACVLAN, TAKEN]) if (await linkExists(l)) await labExec(HOST, ["ip", "link", "del", "dev", l]);
  },
});

describe("a change that fails half-way", () => {
  const t = usePage();

  it("is undone at once by the same undo input, leaving nothing", async () => {
    const page = t.page;
    const server = uplink.server;
    await signInTo(page, server);
    const before = await hostNetState(["lan0", HALF]);
    const dialog = await planBridgeLan0(page, server, "hv-a-lan", HALF, 30);
    await labExec(HOST, ["ip", "link", "add", "link", "lan0", "name", MACVLAN, "type", "macvlan", "mode", "bridge"]);
    const started = Date.now();
    const text = await applyAndWait(dialog);
    console.log(`[uplink-bridge] half-way failure: outcome after ${((Date.now() - started) / 1000).toFixed(1)} s; the host stayed reachable (the address never left lan0)`);
    expect(text).toContain("The change failed; what it had done was undone.");
    expect(text).toMatch(/Device or resource busy/);
    expect(text).toMatch(/failed at line 4 and was undone at once; addresses and routes equal the ones before/);
    expect(await linkExists(HALF)).toBe(false);
    expect(await hostNetState(["lan0", HALF])).toEqual(before);
    expect(await switchProcesses()).toEqual([]);
    await labExec(HOST, ["ip", "link", "del", "dev", MACVLAN]);
  }, 240_000);

  it("does not touch a link that took the bridge's name; nothing ran", async () => {
    const page = t.page;
    const server = uplink.server;
    await signInTo(page, server);
    const before = await hostNetState(["lan0"]);
    const dialog = await planBridgeLan0(page, server, "hv-a-lan", TAKEN, 30);
    await labExec(HOST, ["ip", "link", "add", "name", TAKEN, "type", "bridge"]);
    const text = await applyAndWait(dialog);
    expect(text).toContain("Nothing was changed: the first step failed.");
    expect(text).toMatch(/File exists/);
    expect(await linkExists(TAKEN)).toBe(true); // the other admin's link survives the undo
    expect(await hostNetState(["lan0"])).toEqual(before);
    expect(await switchProcesses()).toEqual([]);
  }, 240_000);
});
