import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../support/server";
import { usePage } from "../support/browser";
import { hostile } from "./hostile-inputs";
import { hostNetState, linkExists, restoreLan0, signInTo, startUplinkServer, switchProcesses } from "../uplink-bridge/support";

// "Bridge this NIC" with hostile bridge names and switch times typed into the form: each is
// checked by the server (the form sets no browser limits of its own, so the server answers) and
// refused on its field before any plan exists, and the host is untouched (read with ip -j).
let server: RunningServer;
beforeAll(async () => {
  server = await startUplinkServer();
}, 180_000);
afterAll(async () => {
  await server?.stop();
  await restoreLan0([]);
});

const NAMES: [string, string, RegExp][] = [
  ["bridge name with a shell separator", "br0;reboot", /Use 1–15 letters/],
  ["bridge name that is an ip keyword", "help", /keyword of the ip command/],
  ["bridge name starting with a dash", "-br0", /Use 1–15 letters/],
  ["bridge name with a newline and a second ip -batch line", "br0\nlink del dev eth0", /Use 1–15 letters/],
  ["bridge name longer than the kernel takes", "a".repeat(16), /Use 1–15 letters/],
  ["bridge name of an existing link", "eth0", /already exists/],
];
const SECONDS: [string, string, RegExp][] = [
  ["dead-man switch of 1 s", "1", /At least 10 s/],
  ["dead-man switch of a day", "86400", /At most 600 s/],
];

describe("Bridge this NIC refuses hostile input on its fields", () => {
  const t = usePage();

  it("refuses each before any plan, and changes nothing on the host", async () => {
    const page = t.page;
    await signInTo(page, server);
    const before = await hostNetState(["lan0"]);
    await page.goto(`${server.baseURL}/hosts/hv-a-up/interfaces`);
    const nics = page.getByRole("table", { name: "NICs" });
    await nics.waitFor({ timeout: 60_000 });
    const form = page.getByRole("form", { name: "Bridge lan0" });
    for (let i = 0; i < 20 && !(await form.isVisible()); i++) {
      await nics.getByRole("button", { name: "Bridge lan0" }).click().catch(() => {});
      await page.waitForTimeout(500);
    }
    for (const [what, input, expected] of [...NAMES.map((n) => [...n, "bridge"] as const), ...SECONDS.map((s) => [...s, "seconds"] as const)]) {
      hostile("forms", `bridge this NIC: ${what}`, input);
      await form.getByLabel("New bridge").fill(input === "" || what.startsWith("dead-man") ? "sy-ubsec" : input);
      await form.getByLabel("Dead-man switch (s)").fill(what.startsWith("dead-man") ? input : "30");
      await form.getByRole("button", { name: "Show the plan" }).click();
      await expect.poll(async () => (await page.getByRole("alert").allInnerTexts()).join(" | "), { timeout: 30_000 }).toMatch(expected);
      expect(await page.getByRole("dialog").count()).toBe(0);
    }
    expect(await linkExists("sy-ubsec")).toBe(false);
    expect(await hostNetState(["lan0"])).toEqual(before);
    expect(await switchProcesses()).toEqual([]);
  }, 240_000);
});
