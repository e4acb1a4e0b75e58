import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labRoot } from "@/lab";
import type { Page } from "playwright-core";
import { usePage } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";
import { hostNames, hostRow, waitForStatus } from "./hosts-ui";

/** The sign-in form of another server than the suite's. */
async function signInAt(page: Page, server: RunningServer) {
  await page.goto(`${server.baseURL}/login`);
  await page.getByLabel("Username").fill(server.adminUser);
  await page.getByLabel("Password", { exact: true }).fill(server.adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

// A second server from the same build, on a store prepared by the demo seed:
// what a newcomer running `npm run demo` sees, hv-down included.
describe("a dead host (test 3) and the demo seed", () => {
  const t = usePage();
  let server: RunningServer;

  beforeAll(async () => {
    const dir = path.join(labRoot(), ".test-data");
    mkdirSync(dir, { recursive: true });
    const dataDir = mkdtempSync(path.join(dir, "e2e-demo-"));
    const seeded = spawnSync("npx", ["tsx", "scripts/demo-seed.ts"], { cwd: labRoot(), env: { ...process.env, SWITCHYARD_DATA_DIR: dataDir }, encoding: "utf8" });
    if (seeded.status !== 0) throw new Error(`demo-seed failed: ${seeded.stderr}`);
    server = await startServer({ SWITCHYARD_DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("lists the seeded hosts at once; hv-a and hv-b connect while hv-down is still timing out, then shows unreachable", async () => {
    const page = t.page;
    await signInAt(page, server);
    await page.goto(`${server.baseURL}/hosts`);
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
