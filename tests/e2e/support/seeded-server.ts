import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { Page } from "playwright-core";
import { labRoot } from "@/lab";
import { startServer, type RunningServer } from "./server";

// A second server from the suite's build, on a store the demo seed filled (hv-a,
// hv-b and the dead hv-down): what a newcomer running `npm run demo` sees.
// Registers its own beforeAll/afterAll; read `.server` inside tests.
export function useSeededServer(prefix: string): { readonly server: RunningServer; signIn(page: Page): Promise<void> } {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    const dir = path.join(labRoot(), ".test-data");
    mkdirSync(dir, { recursive: true });
    const dataDir = mkdtempSync(path.join(dir, `e2e-${prefix}-`));
    const seeded = spawnSync("npx", ["tsx", "scripts/demo-seed.ts"], { cwd: labRoot(), env: { ...process.env, SWITCHYARD_DATA_DIR: dataDir }, encoding: "utf8" });
    if (seeded.status !== 0) throw new Error(`demo-seed failed: ${seeded.stderr}`);
    server = await startServer({ SWITCHYARD_DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error("the seeded server is not up yet (use it inside a test)");
      return server;
    },
    /** Signs in as the seeded admin on this server, not the suite's. */
    async signIn(page: Page) {
      const s = this.server;
      await page.goto(`${s.baseURL}/login`);
      await page.getByLabel("Username").fill(s.adminUser);
      await page.getByLabel("Password", { exact: true }).fill(s.adminPassword);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    },
  };
}
