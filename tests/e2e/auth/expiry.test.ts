import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

// A second server from the same build, with a 10-second session lifetime.
describe("session expiry", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ SWITCHYARD_SESSION_TTL_SECONDS: "10" });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("an expired session sends the operator back to sign in", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ baseURL: server.baseURL });
      await page.goto("/login");
      await page.getByLabel("Username").fill(server.adminUser);
      await page.getByLabel("Password", { exact: true }).fill(server.adminPassword);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
      const [old] = await page.context().cookies();
      expect(old?.name).toBe("switchyard_session");
      await page.goto("/audit");
      expect(new URL(page.url()).pathname).toBe("/audit");
      await page.waitForTimeout(Math.max(0, old!.expires * 1000 - Date.now()) + 1_500);
      await page.goto("/audit");
      expect(new URL(page.url()).pathname).toBe("/login");
      // The browser dropped the cookie; the server must refuse it too when it is replayed.
      const replay = await fetch(server.baseURL + "/audit", { headers: { Cookie: `${old!.name}=${old!.value}` }, redirect: "manual" });
      expect(replay.status).toBe(307);
      expect(replay.headers.get("location")).toMatch(/\/login/);
    } finally {
      await browser.close();
    }
  });
});
