import { execFileSync } from "node:child_process";
import { request as httpRequest } from "node:http";
import { findAction } from "../auth/http-client";

// Raw HTTP against a server of the test's own (not the suite's): server actions
// by id, sign-in, and a POST whose body arrives in chunks with no Content-Length.

export type Reply = { status: number; text: string; setCookie: string[] };

export async function actionAt(base: string, file: string, name: string, args: unknown[], cookie?: string, origin: string | null = base): Promise<Reply> {
  const action = findAction(file, name);
  const res = await fetch(base + action.pagePath, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Next-Action": action.id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      ...(origin === null ? {} : { Origin: origin }),
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: JSON.stringify(args),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: res.status, text: await res.text(), setCookie: res.headers.getSetCookie() };
}

export const codeOf = (text: string) => /"code":"([a-z-]+)"/.exec(text)?.[1];
export const messageOf = (text: string) => /"message":"((?:[^"\\]|\\.)*)"/.exec(text)?.[1];
/** A stored plan's id: the plan spreads its draft (with host.id) first, then its own id and createdAt. */
export const planIdOf = (text: string) => /"id":"([0-9a-f-]{36})","createdAt"/.exec(text)?.[1];

export async function signInAt(base: string, username: string, password: string): Promise<string> {
  const reply = await actionAt(base, "app/login/actions.ts", "signIn", [{ username, password }]);
  const cookie = reply.setCookie.map((c) => c.split(";")[0]!).find((c) => c.startsWith("switchyard_session="));
  if (!cookie) throw new Error(`sign-in as ${username} failed: ${reply.status} ${reply.text.slice(0, 300)}`);
  return cookie;
}

/** POSTs `total` bytes in chunks, chunked transfer encoding, no Content-Length; resolves with the answer. */
export function chunkedPost(url: string, headers: Record<string, string>, total: number, chunk = 16 * 1024): Promise<{ status: number; text: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let responded = false;
    const req = httpRequest(url, { method: "POST", headers: { ...headers, "Transfer-Encoding": "chunked" } }, (res) => {
      responded = true;
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text, sent }));
    });
    req.setTimeout(60_000, () => req.destroy(new Error("chunked POST timed out")));
    // The server may answer and hang up before the whole body is sent: that is the point.
    req.on("error", (error) => (responded ? undefined : reject(error)));
    const piece = Buffer.alloc(chunk, "a");
    const pump = () => {
      while (sent < total && !responded) {
        sent += chunk;
        if (!req.write(sent === chunk ? Buffer.concat([Buffer.from('{"confirm":"'), piece]) : piece)) return void req.once("drain", pump);
      }
      req.end('"}');
    };
    pump();
  });
}

/** The pids of the `next start` listening on this port (the server and its workers). */
function serverPids(port: string): string[] {
  const listen = execFileSync("ss", ["-tlnpH", `( sport = :${port} )`], { encoding: "utf8" });
  return [...listen.matchAll(/pid=(\d+)/g)].map((m) => m[1]!);
}

/** This server's TCP sockets to address:22 in a state ("established", "syn-sent"). */
export function serverSshSockets(base: string, address: string, state: "established" | "syn-sent"): number {
  const pids = serverPids(new URL(base).port);
  const out = execFileSync("ss", ["-tnpH", "state", state, `( dst ${address}:22 )`], { encoding: "utf8" });
  return out.split("\n").filter((line) => pids.some((pid) => line.includes(`pid=${pid},`))).length;
}
