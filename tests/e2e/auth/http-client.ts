import { readFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";

// Talks to the server the way an attacker would: raw HTTP, no browser, no UI.

export const root = path.resolve(__dirname, "../../..");
export type ManifestAction = { id: string; filename: string; exportedName: string; pagePath: string };

/** A URL that serves a route file: route groups dropped, dynamic segments filled with a dummy value. */
export function urlPathOf(appEntry: string): string {
  const segments = appEntry
    .replace(/^app\//, "")
    .split("/")
    .slice(0, -1) // "page" or "route"
    .filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("@"))
    .map((s) => (s.startsWith("[") ? "x" : s));
  return "/" + segments.join("/");
}

/** Every server action in the build, with a page that can invoke it. */
export function actionsFromManifest(): ManifestAction[] {
  const file = path.join(root, ".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }> };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const workers = Object.keys(entry.workers);
    const page = workers.find((w) => w.endsWith("/page") && !w.includes("_not-found")) ?? workers[0]!;
    return { id, filename: entry.filename ?? "?", exportedName: entry.exportedName ?? "?", pagePath: urlPathOf(page) };
  });
}

export type Reply = { status: number; text: string; setCookie: string[] };

/** Invokes a server action by id, as the browser's fetch would, with JSON-encoded arguments. */
export async function callAction(action: Pick<ManifestAction, "id" | "pagePath">, args: unknown[], cookie?: string): Promise<Reply> {
  const base = inject("baseURL");
  const res = await fetch(base + action.pagePath, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Next-Action": action.id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: base,
      // The header of CVE-2025-29927: it must not matter, because nothing relies on the proxy.
      "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy",
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: JSON.stringify(args),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: res.status, text: await res.text(), setCookie: res.headers.getSetCookie() };
}

/** Signs in through the sign-in action and returns the Cookie header value for the new session. */
export async function sessionCookie(username: string, password: string): Promise<string> {
  const signIn = actionsFromManifest().find((a) => a.filename === "app/login/actions.ts" && a.exportedName === "signIn");
  if (!signIn) throw new Error("signIn is not in the build's action manifest");
  const reply = await callAction({ ...signIn, pagePath: "/login" }, [{ username, password }]);
  const cookie = reply.setCookie.map((c) => c.split(";")[0]!).find((c) => c.startsWith("switchyard_session="));
  if (!cookie) throw new Error(`sign-in as ${username} failed: ${reply.status} ${reply.text.slice(0, 300)}`);
  return cookie;
}

export function findAction(filename: string, exportedName: string): ManifestAction {
  const found = actionsFromManifest().find((a) => a.filename === filename && a.exportedName === exportedName);
  if (!found) throw new Error(`${filename}#${exportedName} is not in the build`);
  return found;
}
