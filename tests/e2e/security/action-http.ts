import { actionsFromManifest, type ManifestAction } from "../auth/http-client";

// Server actions over raw HTTP against any server of this build (the suite's or
// one a test starts for itself), with whatever headers an attacker would add.

export type ActionReply = { status: number; text: string; setCookie: string[] };

export function actionOf(filename: string, exportedName: string): ManifestAction {
  const found = actionsFromManifest().find((a) => a.filename === filename && a.exportedName === exportedName);
  if (!found) throw new Error(`${filename}#${exportedName} is not in the build`);
  return found;
}

export async function postAction(base: string, action: Pick<ManifestAction, "id">, pagePath: string, args: unknown[], headers: Record<string, string> = {}): Promise<ActionReply> {
  const res = await fetch(base + pagePath, {
    method: "POST",
    redirect: "manual",
    headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: base, ...headers },
    body: JSON.stringify(args),
    signal: AbortSignal.timeout(120_000),
  });
  return { status: res.status, text: await res.text(), setCookie: res.headers.getSetCookie() };
}

/** The ActionResult in an action's RSC reply (the line that carries "ok"), or null. */
export function resultOf(reply: ActionReply): { ok: boolean; code?: string; message?: string; data?: unknown } | null {
  for (const line of reply.text.split("\n")) {
    const json = line.replace(/^[0-9a-f]+:/, "");
    if (!json.startsWith("{")) continue;
    try {
      const value = JSON.parse(json) as { ok?: unknown };
      if (typeof value.ok === "boolean") return value as { ok: boolean };
    } catch {
      // not JSON: another RSC row
    }
  }
  return null;
}

export const cookieOf = (reply: ActionReply) => reply.setCookie.map((c) => c.split(";")[0]!).find((c) => c.startsWith("switchyard_session="));
