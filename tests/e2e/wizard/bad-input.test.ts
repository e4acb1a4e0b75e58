import { afterAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { labVirsh } from "@/lab";
import { usePage } from "../support/browser";
import { ready } from "../networks/support";
import { fillStep4, forward, networkNames, openWizard, removeNetwork } from "./support";

// Each validation rule broken in the browser: the message appears on the
// field that caused it as you type (aria-invalid set), "Forward" stays on the
// step, and nothing is ever defined on the host.
const HOST = "hv-b";
const NAME = "sy-wiz-bad";
const LATE = "sy-wiz-late";

afterAll(async () => {
  await removeNetwork(HOST, NAME);
  await removeNetwork(HOST, LATE);
});

async function expectError(page: Page, label: string, pattern: RegExp) {
  const field = page.getByLabel(label, { exact: true });
  await expect.poll(() => field.getAttribute("aria-invalid"), { timeout: 30_000 }).toBe("true");
  const id = await field.getAttribute("aria-describedby");
  expect(await page.locator(`[id="${id}"]`).innerText()).toMatch(pattern);
}

async function expectValid(page: Page, label: string) {
  await expect.poll(() => page.getByLabel(label, { exact: true }).getAttribute("aria-invalid"), { timeout: 30_000 }).toBe("false");
}

/** Types a value, checks the message, and proves Forward does not leave the step. */
async function breaks(page: Page, label: string, value: string, pattern: RegExp, step: string) {
  await page.getByLabel(label, { exact: true }).fill(value);
  await expectError(page, label, pattern);
  await page.getByRole("button", { name: "Forward", exact: true }).click();
  await expectError(page, label, pattern);
  expect(await page.getByRole("heading", { name: step, exact: true }).isVisible()).toBe(true);
}

describe("bad input in the wizard", () => {
  const t = usePage();

  it("every rule gives its field error, and nothing is defined", async () => {
    await removeNetwork(HOST, NAME);
    const before = await networkNames(HOST);
    const page = t.page;
    await ready(page);
    await openWizard(page, HOST);
    await breaks(page, "Network Name", "", /Enter a network name/, "Step 1 of 4");
    await breaks(page, "Network Name", "my net", /no spaces/, "Step 1 of 4");
    await breaks(page, "Network Name", "a/b", /Use only letters/, "Step 1 of 4");
    await breaks(page, "Network Name", "default", /already exists/, "Step 1 of 4");
    await page.getByLabel("Network Name", { exact: true }).fill(NAME);
    await expectValid(page, "Network Name");
    await forward(page, "Step 2 of 4");

    await breaks(page, "Network", "10.250.8", /Enter an IPv4 network/, "Step 2 of 4");
    await breaks(page, "Network", "10.250.8.0/30", /prefix/, "Step 2 of 4");
    await breaks(page, "Network", "10.250.8.1/24", /host bits/, "Step 2 of 4");
    await breaks(page, "Network", "192.168.122.0/24", /default|overlap|192\.168\.122/, "Step 2 of 4");
    await breaks(page, "Network", "8.8.8.0/24", /not a private range/, "Step 2 of 4");
    await page.getByLabel("Network", { exact: true }).fill("10.250.8.0/24");
    await expectValid(page, "Network");
    // Start/End followed "Network" all along; now break them by hand.
    expect(await page.getByLabel("Start", { exact: true }).inputValue()).toBe("10.250.8.128");
    await breaks(page, "Start", "10.250.9.5", /10\.250\.8\.0\/24|inside|outside/, "Step 2 of 4");
    await page.getByLabel("Start", { exact: true }).fill("10.250.8.200");
    await page.getByLabel("End", { exact: true }).fill("10.250.8.150");
    await expectError(page, "Start", /comes after the end/);
    await page.getByLabel("End", { exact: true }).fill("10.250.8.254");
    await page.getByLabel("Enable Static Route Definition", { exact: true }).check();
    await breaks(page, "via Gateway", "10.1.1.1", /inside 10\.250\.8\.0\/24/, "Step 2 of 4");
    await page.getByLabel("via Gateway", { exact: true }).fill("10.250.8.10");
    await breaks(page, "to Network", "10.99.0.0/30", /prefix|\/28/, "Step 2 of 4");
    await page.getByLabel("Enable Static Route Definition", { exact: true }).uncheck();
    await forward(page, "Step 3 of 4");

    await page.getByLabel("Enable IPv6 network address space definition", { exact: true }).check();
    await breaks(page, "Network", "fd00:250:8::/48", /\/64/, "Step 3 of 4");
    await page.getByLabel("Enable IPv6 network address space definition", { exact: true }).uncheck();
    await forward(page, "Step 4 of 4");

    // The last step has no Forward: its errors keep Finish disabled instead.
    await page.getByLabel("DNS Domain Name", { exact: true }).fill("bad domain!");
    await expectError(page, "DNS Domain Name", /./);
    expect(await page.getByRole("button", { name: "Finish", exact: true }).isEnabled()).toBe(false);
    expect(await networkNames(HOST)).toEqual(before);
  });

  it("forwarding with no address at all is refused on Mode", async () => {
    const page = t.page;
    await ready(page);
    await openWizard(page, HOST);
    await page.getByLabel("Network Name", { exact: true }).fill(NAME);
    await forward(page, "Step 2 of 4");
    await page.getByLabel("Enable IPv4 network address space definition", { exact: true }).uncheck();
    await forward(page, "Step 3 of 4");
    await forward(page, "Step 4 of 4");
    await fillStep4(page, { kind: "forward", mode: "NAT" });
    // Step 4 is the last: its whole-form check runs as the review is asked for.
    await expectError(page, "Mode", /address/);
    expect(await page.getByRole("button", { name: "Finish", exact: true }).isEnabled()).toBe(false);
    expect(await networkNames(HOST)).not.toContain(NAME);
  });

  it("Forward asks the server: a name taken after the page loaded is caught there", async () => {
    const page = t.page;
    await removeNetwork(HOST, LATE);
    await ready(page);
    await openWizard(page, HOST);
    await page.getByLabel("Network Name", { exact: true }).fill(LATE);
    await expectValid(page, "Network Name");
    const r = await labVirsh(HOST, ["net-define", "/dev/stdin"], { stdin: `<network><name>${LATE}</name><ip address='10.250.9.1' prefix='24'/></network>` });
    expect(r.code).toBe(0);
    await page.getByRole("button", { name: "Forward", exact: true }).click();
    await expectError(page, "Network Name", /already exists/);
    expect(await page.getByRole("heading", { name: "Step 1 of 4", exact: true }).isVisible()).toBe(true);
  });
});
