import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The static half of the route matrix: every route handler's first statement is
//   const auth = await authorizeRoute(role); if (!auth.ok) return auth.response;
// and only GET/HEAD/OPTIONS may let a viewer through.

const root = path.resolve(__dirname, "../../..");
const METHODS = "GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS";

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

const handlers = routeFiles(path.join(root, "app")).flatMap((full) => {
  const file = path.relative(root, full);
  const text = readFileSync(full, "utf8");
  const found = [...text.matchAll(new RegExp(`export\\s+(?:async\\s+)?function\\s+(${METHODS})\\s*\\([^)]*\\)[^{]*\\{\\s*([^;]*;)\\s*([^;]*;)`, "g"))];
  const declared = [...text.matchAll(new RegExp(`export\\s+(?:async\\s+function|function|const|let)\\s+(${METHODS})\\b`, "g"))].map((m) => m[1]);
  return declared.map((method) => {
    const m = found.find((f) => f[1] === method);
    return { name: `${method} ${file}`, method: method!, first: m?.[2]?.replace(/\s+/g, " ") ?? "", second: m?.[3]?.replace(/\s+/g, "") ?? "" };
  });
});

describe("route handler convention", () => {
  it.each(handlers.map((h) => [h.name, h] as const))("%s authorizes first", (_name, h) => {
    const role = /^const auth = await authorizeRoute\("(viewer|operator|admin)"\);$/.exec(h.first)?.[1];
    expect(role, `first statement: ${h.first}`).toBeDefined();
    expect(h.second).toBe("if(!auth.ok)returnauth.response;");
    if (!["GET", "HEAD", "OPTIONS"].includes(h.method)) expect(role).not.toBe("viewer");
  });
});
