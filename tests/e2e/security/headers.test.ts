import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { sessionCookie } from "../auth/http-client";
import { ready } from "../networks/support";
import { usePage } from "../support/browser";
import { openTopology } from "../topology/support";
import { hostile } from "./hostile-inputs";

// Security headers on every response, and the app working under its own
// Content-Security-Policy: pages hydrate, the topology's worker lays out and
// exports, CodeMirror edits, react-query polls, with not one CSP violation in
// the browser.

const base = () => inject("baseURL");

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(base() + path, { redirect: "manual", headers, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text };
}

/** script-src as a list of sources. */
const scriptSources = (csp: string) => (/(?:^|;)\s*script-src ([^;]+)/.exec(csp)?.[1] ?? "").trim().split(/\s+/);

describe("security headers", () => {
  it("every page, redirect, route handler and static file carries them", async () => {
    const cookie = await sessionCookie(inject("adminUser"), inject("adminPassword"));
    const pages = ["/", "/login", "/hosts", "/networks", "/audit", "/no-such-page"];
    const seenNonces = new Set<string>();
    for (const path of pages) {
      const res = await get(path, { Cookie: cookie, Accept: "text/html" });
      expect(res.status, path).toBeLessThan(500);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      const scripts = scriptSources(csp);
      expect(scripts, path).toContain("'self'");
      expect(scripts, path).not.toContain("'unsafe-inline'");
      expect(scripts, path).not.toContain("'unsafe-eval'");
      const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
      expect(nonce, path).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      seenNonces.add(nonce!);
      // Every script tag Next wrote carries this response's nonce; none is left bare.
      const tags = [...res.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(tags.length, path).toBeGreaterThan(0);
      for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("same-origin");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      // Plain http, no Secure cookie: no HSTS (it would pin a browser to https this server does not speak).
      expect(res.headers.get("strict-transport-security"), path).toBeNull();
    }
    expect(seenNonces.size).toBe(pages.length);

    const redirected = await get("/hosts", { Accept: "text/html" });
    expect(redirected.status).toBe(307);
    expect(redirected.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");

    const api = await get("/hosts/hv-a/status");
    expect(api.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
    const events = await get("/api/events");
    expect(events.status).toBe(401);
    expect(events.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");

    const html = (await get("/login")).text;
    const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const staticFile = await get(asset!);
    expect(staticFile.status).toBe(200);
    expect(staticFile.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("sends HSTS (and upgrades requests) exactly when the session cookie would be Secure", async () => {
    const res = await get("/login", { "X-Forwarded-Proto": "https", Accept: "text/html" });
    expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    const api = await get("/api/events", { "X-Forwarded-Proto": "https" });
    expect(api.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });
});

describe("the app under its CSP", () => {
  const t = usePage();

  /** Collects CSP violations the page reports, and the console's CSP errors. */
  async function watchCsp(page: Page): Promise<string[]> {
    const violations: string[] = [];
    page.on("console", (msg) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(msg.text())) violations.push(`console: ${msg.text()}`);
    });
    await page.exposeFunction("__reportCsp", (line: string) => violations.push(line));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        (window as unknown as { __reportCsp(l: string): void }).__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    return violations;
  }

  it("hydrates every kind of page, lays out and exports the topology, and edits XML, with no CSP violation", async () => {
    const page = t.page;
    const violations = await watchCsp(page);
    await ready(page);

    // React-query fills the status cells from the browser: hydration and fetch work.
    await page.goto("/hosts");
    await page.locator('tr[data-host="hv-a"] [data-column="status"]').getByText("Connected", { exact: true }).waitFor({ timeout: 30_000 });

    // The topology: elk in its worker, React Flow drawing, html-to-image exporting.
    await openTopology(page, "hv-a");
    for (const format of ["PNG", "SVG"]) {
      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: `Export ${format}` }).click();
      expect((await download).suggestedFilename()).toBe(`hv-a-topology.${format.toLowerCase()}`);
    }

    // CodeMirror in the XML tab: it mounts, and typing reaches its document.
    await page.goto("/hosts/hv-a/networks/default");
    await page.getByRole("tab", { name: "XML", exact: true }).click();
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    const editor = page.locator(".cm-content");
    await editor.getByText("<network").first().waitFor({ timeout: 30_000 });
    await editor.click();
    await page.keyboard.press("End");
    await page.keyboard.type("<!-- csp -->");
    await editor.getByText("<!-- csp -->").waitFor();

    // The wizard: a client-side multi-step form.
    await page.goto("/hosts/hv-a/new-network");
    await page.getByRole("textbox").first().waitFor();

    // Client-side navigation (RSC payloads) between pages.
    await page.goto("/networks");
    await page.getByRole("table").waitFor();
    await page.getByRole("link", { name: "Topology" }).first().click();
    await page.waitForURL(/\/topology/);
    await page.locator(".react-flow__node").first().waitFor({ timeout: 60_000 });

    expect(violations).toEqual([]);
  });

  it("another site cannot frame the console (clickjacking)", async () => {
    const page = t.page;
    hostile("routes", "console framed by another origin", `<iframe src="${base()}/login">`);
    // Another origin: a page on a port of its own that frames the sign-in page,
    // and (the control) a form of its own, to show the test can see into frames.
    const other = createServer((req, res) => {
      res.setHeader("content-type", "text/html");
      if (req.url === "/own") return res.end('<input type="password" aria-label="own">');
      res.end(`<iframe name="console" src="${base()}/login"></iframe><iframe name="own" src="/own"></iframe>`);
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = other.address() as AddressInfo;
      await page.goto(`http://127.0.0.1:${port}/`);
      const own = page.frame({ name: "own" })!;
      await own.locator('input[type="password"]').waitFor();
      const framed = page.frame({ name: "console" })!;
      await page.waitForTimeout(1_000);
      expect(await framed.locator('input[type="password"]').count()).toBe(0);
      expect(framed.url()).not.toContain("/login");
    } finally {
      other.close();
    }
  });
});
