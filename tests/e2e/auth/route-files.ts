import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { root, urlPathOf } from "./http-client";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type RouteHandler = { file: string; method: (typeof METHODS)[number]; urlPath: string };

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js|mjs)$/.test(e.name) ? [full] : [];
  });
}

/** Every exported HTTP method of every app/**\/route.* file, read from the source. */
export function routeHandlers(): RouteHandler[] {
  return routeFiles(path.join(root, "app")).flatMap((full) => {
    const file = path.relative(root, full).split(path.sep).join("/");
    const text = readFileSync(full, "utf8");
    const exported = new Set<string>();
    for (const m of text.matchAll(/export\s+(?:async\s+)?(?:function\s*\*?|const|let|var)\s+([A-Z]+)\b/g)) exported.add(m[1]!);
    for (const m of text.matchAll(/export\s*\{([^}]*)\}/g)) {
      for (const part of m[1]!.split(",")) exported.add(part.trim().split(/\s+as\s+/).pop()!.trim());
    }
    const urlPath = urlPathOf(file.replace(/\.(ts|tsx|js|mjs)$/, ""));
    return METHODS.filter((method) => exported.has(method)).map((method) => ({ file, method, urlPath }));
  });
}
