import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, afterEach, inject, onTestFailed } from "vitest";
import { artefactsDir } from "./server";

// Debian's chromium, never a downloaded browser. These flags keep it from
// reaching for the network (this machine has none) and from needing a sandbox as root.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];

export function launchBrowser(): Promise<Browser> {
  // playwright gives each launch a fresh temporary --user-data-dir.
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, chromiumSandbox: false });
}

export const baseURL = () => inject("baseURL");

/**
 * Registers hooks for a browser per file and a fresh context + page per test.
 * A failing test leaves a full-page screenshot in test-results/.
 */
export function usePage() {
  const state: { browser?: Browser; context?: BrowserContext; page?: Page } = {};
  beforeAll(async () => {
    state.browser = await launchBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
  });
  beforeEach(async (ctx) => {
    state.context = await state.browser!.newContext({ baseURL: baseURL(), viewport: { width: 1400, height: 900 } });
    state.page = await state.context.newPage();
    onTestFailed(async () => {
      mkdirSync(artefactsDir, { recursive: true });
      const name = ctx.task.name.replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 80);
      await state.page?.screenshot({ path: path.join(artefactsDir, `${name}.png`), fullPage: true }).catch(() => {});
    });
  });
  afterEach(async () => {
    await state.context?.close();
  });
  return {
    get page(): Page {
      return state.page!;
    },
    get context(): BrowserContext {
      return state.context!;
    },
  };
}

/** Signs in through the real form, with the labels operators see. */
export async function signIn(page: Page, username = inject("adminUser"), password = inject("adminPassword")) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}
