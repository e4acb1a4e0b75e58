import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_USER } from "@/lib/auth/rate-limit-policy";
import { usePage, signIn } from "../support/browser";
import { freePort, startServer, type RunningServer } from "../support/server";
import { actionOf, cookieOf, postAction, resultOf } from "./action-http";
import { hostile } from "./hostile-inputs";

// Sign-in under attack, against production servers of this build: open
// redirects through `next`, 200 guesses at once, and a forged X-Forwarded-For.
// The counting tests run on servers of their own (their own store), so the
// suite's server keeps its address free for every other test.

const signInAction = () => actionOf("app/login/actions.ts", "signIn");
const attempt = (base: string, username: string, password: string, headers: Record<string, string> = {}) =>
  postAction(base, signInAction(), "/login", [{ username, password }], headers);

/** The audit page's text as an admin sees it (newest first). */
async function auditText(base: string, cookie: string, query = "") {
  const res = await fetch(`${base}/audit${query}`, { headers: { Cookie: cookie } });
  expect(res.status).toBe(200);
  return (await res.text()).replace(/<[^>]+>/g, " ");
}

describe("after sign-in, `next` stays on this origin", () => {
  const t = usePage();
  const tricks = ["/\t/evil.example", "/%09/evil.example", "//evil.example", "/\\evil.example", "/\\/evil.example", "https://evil.example/", "/%5C%5Cevil.example", "/\u0000/evil.example", "/%0d%0a/evil.example"];

  it.each(tricks)("signed in already, /login?next=%j lands here", async (next) => {
    hostile("sign-in", `open redirect via next=${JSON.stringify(next)}`, next);
    await signIn(t.page);
    await t.page.goto(`/login?next=${encodeURIComponent(next)}`);
    const here = new URL(inject("baseURL"));
    const landed = new URL(t.page.url());
    expect(landed.host).toBe(here.host);
    expect(landed.pathname.startsWith("/login")).toBe(false);
  });

  it("through the form too: the browser ends on this origin", async () => {
    for (const next of ["/\t/evil.example", "//evil.example"]) {
      await t.context.clearCookies();
      await t.page.goto(`/login?next=${encodeURIComponent(next)}`);
      await t.page.getByLabel("Username").fill(inject("adminUser"));
      await t.page.getByLabel("Password", { exact: true }).fill(inject("adminPassword"));
      await t.page.getByRole("button", { name: "Sign in" }).click();
      await t.page.waitForURL((url) => !url.pathname.startsWith("/login"));
      expect(new URL(t.page.url()).host).toBe(new URL(inject("baseURL")).host);
    }
  });
});

describe("without SWITCHYARD_TRUST_PROXY, X-Forwarded-For is ignored", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  }, 120_000);
  afterAll(() => server?.stop());

  it("a spray with a fresh forged address per guess is still one address, and the audit shows the socket's", async () => {
    const admin = cookieOf(await attempt(server.baseURL, server.adminUser, server.adminPassword));
    expect(admin).toBeTruthy();
    hostile("sign-in", "a forged X-Forwarded-For per guess, no trusted proxy", { "X-Forwarded-For": "203.0.113.<n>", "X-Real-IP": "203.0.113.<n>" });
    const codes: string[] = [];
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS + 3; i++) {
      const forged = `203.0.113.${i + 1}`;
      codes.push(resultOf(await attempt(server.baseURL, `spray-${i}`, "guess", { "X-Forwarded-For": forged, "X-Real-IP": forged }))?.code ?? "?");
    }
    expect(codes.filter((c) => c === "invalid-credentials").length).toBe(MAX_FAILURES_PER_ADDRESS);
    expect(codes.slice(MAX_FAILURES_PER_ADDRESS)).toEqual(["rate-limited", "rate-limited", "rate-limited"]);
    // Forging our own header changes nothing either.
    hostile("sign-in", "forged x-switchyard-socket-address header", "x-switchyard-socket-address: 192.0.2.1");
    expect(resultOf(await attempt(server.baseURL, server.adminUser, server.adminPassword, { "X-Forwarded-For": "192.0.2.1", "x-switchyard-socket-address": "192.0.2.1" }))?.code).toBe("rate-limited");
    const audit = await auditText(server.baseURL, admin!, "?failed=1");
    expect(audit).toContain("wrong username or password, from 127.0.0.1");
    expect(audit).not.toMatch(/from 203\.0\.113\.|from 192\.0\.2\.1/);
  });
});

describe("with SWITCHYARD_TRUST_PROXY=1 (a proxy sets X-Forwarded-For)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ SWITCHYARD_TRUST_PROXY: "1" });
  }, 120_000);
  afterAll(() => server?.stop());

  it("200 parallel wrong passwords for one account, from 200 addresses, check only the account's limit", async () => {
    const admin = cookieOf(await attempt(server.baseURL, server.adminUser, server.adminPassword, { "X-Forwarded-For": "192.0.2.200" }));
    expect(admin).toBeTruthy();
    hostile("sign-in", "200 parallel wrong passwords for one account", "admin × 200, each from its own X-Forwarded-For");
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) => attempt(server.baseURL, server.adminUser, `guess ${i}`, { "X-Forwarded-For": `198.51.100.${i + 1}` })),
    );
    const codes = replies.map((r) => resultOf(r)?.code ?? `http ${r.status}`);
    expect(codes.filter((c) => c === "invalid-credentials").length).toBe(MAX_FAILURES_PER_USER);
    expect(codes.filter((c) => c === "rate-limited").length).toBe(200 - MAX_FAILURES_PER_USER);
    // The right password waits too (a growing delay, not a lock: see README).
    expect(resultOf(await attempt(server.baseURL, server.adminUser, server.adminPassword, { "X-Forwarded-For": "192.0.2.201" }))?.code).toBe("rate-limited");
    // The audit holds exactly the checked guesses, each with the address the proxy gave.
    const audit = await auditText(server.baseURL, admin!, "?failed=1");
    // (Each guess came from its own address; the page carries each row twice, as HTML and in the RSC payload.)
    expect(new Set(audit.match(/wrong username or password, from 198\.51\.100\.\d+\b/g)).size).toBe(MAX_FAILURES_PER_USER);
  });

  it("counts per forwarded address: one address locked, another still signs in", async () => {
    hostile("sign-in", "spray many usernames from one forwarded address", { "X-Forwarded-For": "203.0.113.50" });
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await attempt(server.baseURL, `spray-${i}`, "guess", { "X-Forwarded-For": "203.0.113.50" });
    expect(resultOf(await attempt(server.baseURL, "someone", "guess", { "X-Forwarded-For": "203.0.113.50" }))?.code).toBe("rate-limited");
    const user = `viewer-${Date.now()}`;
    expect(resultOf(await attempt(server.baseURL, user, "guess", { "X-Forwarded-For": "client, 203.0.113.51" }))?.code).toBe("invalid-credentials");
  });
});

describe("SWITCHYARD_ADMIN_PASSWORD", () => {
  it("shorter than 12 characters stops the server with one clear line", async () => {
    hostile("sign-in", "SWITCHYARD_ADMIN_PASSWORD of 5 characters", "short");
    const root = path.resolve(__dirname, "../../..");
    const dataDir = mkdtempSync(path.join(root, ".test-data", "e2e-weak-"));
    const port = await freePort();
    const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", SWITCHYARD_DATA_DIR: dataDir, SWITCHYARD_ADMIN_PASSWORD: "short" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => (child.kill("SIGKILL"), resolve(null)), 60_000);
      child.on("exit", (c) => (clearTimeout(timer), resolve(c)));
      // The server starts listening before instrumentation runs; a first request makes sure it does.
      setTimeout(() => fetch(`http://127.0.0.1:${port}/login`).catch(() => {}), 3_000);
    });
    expect(code).toBe(1);
    const lines = err.split("\n").filter((l) => l.includes("SWITCHYARD_ADMIN_PASSWORD"));
    expect(lines).toEqual(["SWITCHYARD_ADMIN_PASSWORD is refused (at least 12 characters; it has 5): set a longer one, or unset it to have one generated."]);
  }, 90_000);
});
