import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { actionKey, actionKind, PUBLIC_ACTIONS, SELF_ACTIONS } from "@/lib/auth/action-policy";
import { actionsFromManifest, callAction, findAction, sessionCookie } from "./http-client";
import { routeHandlers } from "./route-files";
import { snapshotAdminViews } from "./snapshot";

// Every server action in the build's manifest and every route handler in the
// source, called without a session and as a viewer. New actions and routes are
// covered without touching this file; what each may do comes from
// lib/auth/action-policy.ts (read verbs by name, a short list of public ones).

const actions = actionsFromManifest();
const routes = routeHandlers();
const READ_METHODS = ["GET", "HEAD", "OPTIONS"];
const codeOf = (text: string) => /"code":"([a-z-]+)"/.exec(text)?.[1];

describe("role matrix", () => {
  const ctx = { admin: "", viewer: "", before: "" };

  beforeAll(async () => {
    ctx.admin = await sessionCookie(inject("adminUser"), inject("adminPassword"));
    const password = `viewer-${randomBytes(9).toString("base64url")}`;
    const username = `matrix-viewer-${randomBytes(3).toString("hex")}`;
    const added = await callAction(findAction("app/users/actions.ts", "addUser"), [{ username, password, role: "viewer" }], ctx.admin);
    expect(codeOf(added.text), added.text).toBeUndefined();
    ctx.viewer = await sessionCookie(username, password);
    ctx.before = await snapshotAdminViews(ctx.admin);
  });

  it("reads the actions from the build and the routes from the source", () => {
    expect(actions.length).toBeGreaterThanOrEqual(6);
    const keys = actions.map((a) => actionKey(a.filename, a.exportedName));
    // The exemptions must name real actions, or they would silently exempt nothing (or a renamed one).
    for (const key of [...PUBLIC_ACTIONS, ...SELF_ACTIONS]) expect(keys).toContain(key);
    expect(keys).toContain("app/users/actions.ts#addUser");
  });

  // Public actions (sign-in) have no refusal to check; the exemption test above pins them.
  describe.each(actions.filter((a) => actionKind(a.filename, a.exportedName) !== "public").map((a) => [`${a.filename}#${a.exportedName} (${actionKind(a.filename, a.exportedName)})`, a] as const))("action %s", (_name, action) => {
    const kind = actionKind(action.filename, action.exportedName);

    // Only the cases that apply are declared, so the report has no skipped checks.
    if (kind !== "public") it("refuses an anonymous call", async () => {
      const reply = await callAction(action, []);
      expect(reply.status, reply.text.slice(0, 300)).toBe(200);
      expect(codeOf(reply.text), reply.text.slice(0, 300)).toBe("unauthenticated");
    });

    if (kind === "mutation") it("refuses a viewer", async () => {
      const reply = await callAction(action, [], ctx.viewer);
      expect(codeOf(reply.text), reply.text.slice(0, 300)).toBe("forbidden");
    });
  });

  describe.each(routes.map((r) => [`${r.method} ${r.urlPath} (${r.file})`, r] as const))("route %s", (_name, route) => {
    const call = (cookie?: string) =>
      fetch(inject("baseURL") + route.urlPath, {
        method: route.method,
        redirect: "manual",
        headers: { Origin: inject("baseURL"), "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy", ...(cookie ? { Cookie: cookie } : {}) },
        signal: AbortSignal.timeout(30_000),
      });

    it("refuses an anonymous call with 401", async () => {
      const res = await call();
      await res.body?.cancel();
      expect(res.status).toBe(401);
    });

    if (!READ_METHODS.includes(route.method)) it("refuses a viewer's mutation with 403", async () => {
      const res = await call(ctx.viewer);
      await res.body?.cancel();
      expect(res.status).toBe(403);
    });
  });

  it("changed nothing: the audit log and the users are as before", async () => {
    expect(await snapshotAdminViews(ctx.admin)).toBe(ctx.before);
  });
});
