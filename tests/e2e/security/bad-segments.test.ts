import { beforeAll, describe, expect, inject, it } from "vitest";
import { sessionCookie } from "../auth/http-client";
import { hostile } from "./hostile-inputs";

// Path segments and query values no link of the app produces: malformed
// percent escapes (raw and escaped twice), overlong UTF-8, page numbers that
// are not page numbers. Each is sent as a signed-in admin (so the page's own
// code runs, not the sign-in redirect) and must answer 400 or 404, never 500;
// the server keeps answering afterwards. A raw malformed escape fails inside
// Next's own router (it decodes dynamic params before any page runs), so the
// proxy has to refuse it with 400; an escape that decodes once reaches the
// page or route, whose routeSegment (lib/routes.ts) refuses it.

const ctx = { base: "", admin: "" };

const get = (path: string) =>
  fetch(ctx.base + path, { headers: { Cookie: ctx.admin }, redirect: "manual", signal: AbortSignal.timeout(30_000) });

type Case = { what: string; path: string; status: 400 | 404 };

const CASES: Case[] = [
  { what: "host page, truncated UTF-8 escape", path: "/hosts/%E0%A4%A", status: 400 },
  { what: "host networks page, truncated UTF-8 escape", path: "/hosts/%E0%A4%A/networks", status: 400 },
  { what: "host topology page, overlong UTF-8 for '/'", path: "/hosts/%C0%AF/topology", status: 400 },
  { what: "network page, invalid byte as network name", path: "/hosts/hv-a/networks/%FF", status: 400 },
  { what: "VM page, lone surrogate escape as VM name", path: "/hosts/hv-a/vms/%ED%A0%80", status: 400 },
  { what: "host snapshot route, escape escaped twice", path: "/networks/hosts/%25E0%25A4%25A", status: 400 },
  { what: "host page, escape escaped twice", path: "/hosts/%25E0%25A4%25A", status: 404 },
  { what: "host snapshot route, truncated UTF-8 escape", path: "/networks/hosts/%E0%A4%A", status: 400 },
  { what: "network export route, malformed host", path: "/hosts/%25E0%25A4%25A/networks/x/export?uuid=00000000-0000-4000-8000-000000000000&format=xml", status: 400 },
  { what: "audit page number 1e308", path: "/audit?page=1e308", status: 404 },
  { what: "audit page number negative", path: "/audit?page=-1", status: 404 },
  { what: "audit page number not a number", path: "/audit?page=NaN", status: 404 },
];

describe("bad path segments and query values", () => {
  beforeAll(async () => {
    ctx.base = inject("baseURL");
    ctx.admin = await sessionCookie(inject("adminUser"), inject("adminPassword"));
  });

  it.each(CASES.map((c) => [c.what, c] as const))("%s: answers 400 or 404, and the server keeps answering", async (_what, c) => {
    hostile("routes", `bad segment: ${c.what}`, c.path);
    const reply = await get(c.path);
    const body = await reply.text();
    expect(reply.status, body.slice(0, 300)).toBe(c.status);
    const after = await get("/hosts");
    expect(after.status).toBe(200);
    expect(await after.text()).toContain("Hosts");
  });

  it("a page number that is one still works", async () => {
    const reply = await get("/audit?page=1");
    expect(reply.status).toBe(200);
    expect(await reply.text()).toContain("Audit log");
  });
});
