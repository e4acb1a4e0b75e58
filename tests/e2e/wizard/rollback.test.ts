import { afterAll, describe, expect, it } from "vitest";
import { fault } from "@/lab";
import { usePage } from "../support/browser";
import { ready } from "../networks/support";
import { linkNames, networkNames, readReview, removeNetwork, walkWizard } from "./support";

// With hv-a's autostart directory made immutable, Finish fails at its last
// step: the network it defined and started is destroyed and undefined by its
// UUID, the operator reads libvirt's message and what it means, and every
// input is still there for a retry, which then succeeds.
const HOST = "hv-a";
const NAME = "sy-wiz-rollback";

afterAll(async () => {
  await fault(HOST, "autostart", false);
  await removeNetwork(HOST, NAME);
});

describe("rollback when autostart fails", () => {
  const t = usePage();

  it("undoes start and define, explains, keeps the inputs, and a retry works", async () => {
    await removeNetwork(HOST, NAME);
    const linksBefore = await linkNames(HOST);
    await ready(t.page);
    await walkWizard(t.page, HOST, { name: NAME, network: "10.250.6.0/24", kind: "forward", mode: "NAT", autostart: true });
    const { argv } = await readReview(t.page);
    const uuid = argv[1]!.at(-1)!;
    await fault(HOST, "autostart", true);
    try {
      await t.page.getByRole("button", { name: "Finish", exact: true }).click();
      const progress = t.page.getByRole("region", { name: "Progress" });
      const alert = progress.getByRole("alert");
      await alert.waitFor({ timeout: 120_000 });
      expect(await alert.innerText()).toMatch(/undone/);
      expect(await progress.getByTestId("libvirt-message").innerText()).toMatch(/autostart/i);
      expect(await progress.locator("[data-step='2']").getAttribute("data-status")).toBe("failed");
      expect(await progress.locator("[data-step='1']").getAttribute("data-status")).toBe("undone");
      expect(await progress.locator("[data-step='0']").getAttribute("data-status")).toBe("undone");
    } finally {
      await fault(HOST, "autostart", false);
    }
    // No trace: not in net-list --all, and no new link (the bridge is gone).
    expect(await networkNames(HOST)).not.toContain(NAME);
    const linksAfter = await linkNames(HOST);
    expect(linksAfter.filter((l) => !linksBefore.includes(l) && /^virbr/.test(l))).toEqual([]);
    expect(t.page.url()).toMatch(/\/new-network$/);
    // Every input kept: still on step 4 with the same choices; earlier steps keep theirs.
    expect(await t.page.getByLabel("Mode", { exact: true }).inputValue()).toBe("nat");
    await t.page.getByRole("button", { name: "Back", exact: true }).click();
    await t.page.getByRole("button", { name: "Back", exact: true }).click();
    expect(await t.page.getByLabel("Network", { exact: true }).inputValue()).toBe("10.250.6.0/24");
    await t.page.getByRole("button", { name: "Forward", exact: true }).click();
    await t.page.getByRole("heading", { name: "Step 3 of 4" }).waitFor();
    await t.page.getByRole("button", { name: "Forward", exact: true }).click();
    await t.page.getByRole("heading", { name: "Step 4 of 4" }).waitFor();
    // The retry gets a fresh UUID and now goes through.
    const retry = await readReview(t.page);
    expect(retry.argv[1]!.at(-1)).not.toBe(uuid);
    await t.page.getByRole("button", { name: "Finish", exact: true }).click();
    await t.page.waitForURL((u) => u.pathname === `/hosts/${HOST}/networks/${NAME}`, { timeout: 120_000 });
  });
});
