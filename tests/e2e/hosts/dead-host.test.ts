import { describe, expect, it } from "vitest";
import { usePage } from "../support/browser";
import { hostNames, hostRow, waitForStatus } from "./hosts-ui";
import { useSeededServer } from "../support/seeded-server";

// A second server from the same build, on a store prepared by the demo seed:
// what a newcomer running `npm run demo` sees, hv-down included.
describe("a dead host (test 3) and the demo seed", () => {
  const t = usePage();
  const seeded = useSeededServer("demo");

  it("lists the seeded hosts at once; hv-a and hv-b connect while hv-down is still timing out, then shows unreachable", async () => {
    const page = t.page;
    await seeded.signIn(page);
    await page.goto(`${seeded.server.baseURL}/hosts`);
    expect(await hostNames(page)).toEqual(["hv-a", "hv-b", "hv-down"]);
    const started = Date.now();
    await waitForStatus(page, "hv-a", "Connected");
    await waitForStatus(page, "hv-b", "Connected");
    // The dead host does not hold the others back: it is still being checked.
    expect(await hostRow(page, "hv-down").locator('[data-column="status"]').innerText()).toContain("Checking");
    await waitForStatus(page, "hv-down", "Unreachable", 60_000);
    expect(Date.now() - started).toBeGreaterThan(1_000);
    expect(await hostRow(page, "hv-down").innerText()).toMatch(/unreachable/i);
  });
});
