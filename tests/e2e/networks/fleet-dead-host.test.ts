import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { labRoot } from "@/lab";
import { usePage } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

// The fleet page on a server whose store the demo seed filled (hv-a, hv-b and
// the dead hv-down): the live hosts' rows come first, hv-down becomes an
// error row once its own read times out.
async function signInAt(page: Page, server: RunningServer) {
  await page.goto(`${server.baseURL}/login`);
  await page.getByLabel("Username").fill(server.adminUser);
  await page.getByLabel("Password", { exact: true }).fill(server.adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

describe("fleet networks with a dead host", () => {
  const t = usePage();
  let server: RunningServer;

  beforeAll(async () => {
    const dir = path.join(labRoot(), ".test-data");
    mkdirSync(dir, { recursive: true });
    const dataDir = mkdtempSync(path.join(dir, "e2e-fleet-"));
    const seeded = spawnSync("npx", ["tsx", "scripts/demo-seed.ts"], { cwd: labRoot(), env: { ...process.env, SWITCHYARD_DATA_DIR: dataDir }, encoding: "utf8" });
    if (seeded.status !== 0) throw new Error(`demo-seed failed: ${seeded.stderr}`);
    server = await startServer({ SWITCHYARD_DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("shows hv-a and hv-b while hv-down is still loading, then an error row for hv-down", async () => {
    const page = t.page;
    await signInAt(page, server);
    const started = Date.now();
    await page.goto(`${server.baseURL}/networks`);
    const table = page.getByRole("table");
    for (const host of ["hv-a", "hv-b"]) await table.locator("tr[data-uuid] td:first-child", { hasText: host }).first().waitFor({ timeout: 30_000 });
    const down = table.locator('tr[data-host-status="hv-down"]');
    expect(await down.innerText()).toContain("Loading");
    await down.getByRole("alert").waitFor({ timeout: 60_000 });
    expect(await down.innerText()).toMatch(/Error: .*(unreachable|did not finish|timed out)/i);
    expect(Date.now() - started).toBeGreaterThan(2_000);
  });
});
