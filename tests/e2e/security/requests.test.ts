import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labHost, labVirsh, sshdLogPath } from "@/lab";
import { defineNetwork, removeNetwork } from "../networks/support";
import { useSeededServer } from "../support/seeded-server";
import { hostile } from "./hostile-inputs";
import { actionAt, chunkedPost, codeOf, messageOf, planIdOf, serverSshSockets, signInAt } from "./server-client";

// Requests that cost the server or the hosts, sent the way an attacker with an
// account (or a page on another site) would: raw HTTP against a server of this
// file's own, seeded with hv-a, hv-b and the dead hv-down. Each test checks what
// the host shows afterwards (virsh, sshd's log, TCP sockets), not only the answer.

const NET = "sy-sec-guard";
const HOST = "hv-a";
const ctx = { base: "", admin: "", viewer: "", viewer2: "", opA: "", opB: "", uuid: "", planA: "" };

// Filled by the outer describe's hooks (useSeededServer registers hooks, so it is called inside a describe).
let seeded: ReturnType<typeof useSeededServer>;

const LIFECYCLE = ["app/hosts/[host]/networks/actions.ts", "planNetworkChange"] as const;

async function netActive(): Promise<boolean> {
  const info = await labVirsh(HOST, ["net-info", "--", NET]);
  if (info.code !== 0) throw new Error(`net-info ${NET}: ${info.stderr}`);
  return /^Active:\s+yes/m.test(info.stdout);
}

const apply = (plan: string, cookie: string, init: { origin?: string | null; body?: string } = {}) =>
  fetch(`${ctx.base}/api/changes/${plan}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Cookie: cookie,
      ...(init.origin === null ? {} : { Origin: init.origin ?? ctx.base }),
    },
    body: init.body ?? "{}",
    signal: AbortSignal.timeout(60_000),
  });

async function planAs(cookie: string, change: "start" | "stop"): Promise<{ id?: string; code?: string; message?: string }> {
  const reply = await actionAt(ctx.base, ...LIFECYCLE, [{ host: HOST, uuid: ctx.uuid, change }], cookie);
  return { id: planIdOf(reply.text), code: codeOf(reply.text), message: messageOf(reply.text) };
}

async function addUser(role: "viewer" | "operator"): Promise<[string, string]> {
  const username = `sec-${role}-${randomBytes(3).toString("hex")}`;
  const password = `pw-${randomBytes(12).toString("base64url")}`;
  const reply = await actionAt(ctx.base, "app/users/actions.ts", "addUser", [{ username, password, role }], ctx.admin);
  expect(codeOf(reply.text), reply.text.slice(0, 300)).toBeUndefined();
  return [username, password];
}

describe("requests that cost the server or the hosts", () => {
  seeded = useSeededServer("security");

  beforeAll(async () => {
    ctx.base = seeded.server.baseURL;
    ctx.admin = await signInAt(ctx.base, seeded.server.adminUser, seeded.server.adminPassword);
    const viewer = await addUser("viewer");
    ctx.viewer = await signInAt(ctx.base, ...viewer);
    ctx.viewer2 = await signInAt(ctx.base, ...viewer);
    ctx.opA = await signInAt(ctx.base, ...(await addUser("operator")));
    ctx.opB = await signInAt(ctx.base, ...(await addUser("operator")));
    ctx.uuid = await defineNetwork(HOST, NET, "sy-sec-g0", "10.230.88");
    const started = await labVirsh(HOST, ["net-start", "--", NET]);
    expect(started.code, started.stderr).toBe(0);
  });

  afterAll(() => removeNetwork(HOST, NET));

  describe("change routes refuse what is not theirs to do", () => {
    it("a viewer's POST to /api/changes and a viewer's plan request are refused; the network keeps running", async () => {
      hostile("routes", "viewer POSTs /api/changes/<plan>", { role: "viewer", path: "/api/changes/<uuid>" });
      const res = await apply(randomUUID(), ctx.viewer);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: "forbidden" });
      hostile("routes", "viewer calls planNetworkChange (stop)", { host: HOST, change: "stop" });
      expect((await planAs(ctx.viewer, "stop")).code).toBe("forbidden");
      expect(await netActive()).toBe(true);
    });

    it("operator B cannot apply operator A's plan: it answers like a missing plan, and A's plan still works", async () => {
      const made = await planAs(ctx.opA, "stop");
      expect(made.code, made.message).toBeUndefined();
      ctx.planA = made.id!;
      hostile("routes", "operator applies another operator's plan", { plan: "<A's plan id>", as: "operator B" });
      const res = await apply(ctx.planA, ctx.opB);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: "plan-not-found" });
      expect(await netActive()).toBe(true);
    });

    it("a 1 MB body, declared or streamed in chunks without Content-Length, is refused with 413 before anything runs", async () => {
      const big = JSON.stringify({ confirm: "x".repeat(1024 * 1024) });
      hostile("routes", "1 MB JSON body to /api/changes/<plan>", `{"confirm":"xxxx… (${big.length} bytes)"}`);
      const declared = await apply(ctx.planA, ctx.opA, { body: big });
      expect(declared.status).toBe(413);
      expect(await declared.json()).toMatchObject({ code: "body-too-large", message: "The request body is larger than 32 kB." });

      hostile("routes", "1 MB chunked body without Content-Length", "Transfer-Encoding: chunked, 64 × 16 kB");
      const streamed = await chunkedPost(`${ctx.base}/api/changes/${ctx.planA}`, { "Content-Type": "application/json", Cookie: ctx.opA, Origin: ctx.base }, 1024 * 1024);
      expect(streamed.status).toBe(413);
      expect(streamed.text).toContain("body-too-large");
      expect(await netActive()).toBe(true);
    });

    it("a cross-origin POST with the operator's cookie is refused (403), and so is Origin: null", async () => {
      for (const origin of ["https://evil.example", "null", `http://localhost:${new URL(ctx.base).port}`]) {
        hostile("routes", `cross-origin POST to /api/changes (Origin: ${origin.replace(/\d+$/, "<port>")})`, { origin });
        const res = await apply(ctx.planA, ctx.opA, { origin });
        expect(res.status, origin).toBe(403);
        expect(await res.json()).toMatchObject({ code: "cross-origin" });
      }
      expect(await netActive()).toBe(true);
    });

    it("the plan all of the above tried survives them: A applies it from this origin, and virsh shows it stopped", async () => {
      const res = await apply(ctx.planA, ctx.opA);
      expect(res.status).toBe(200);
      const lines = (await res.text()).trim().split("\n").map((l) => JSON.parse(l) as { type: string; result?: string });
      expect(lines.at(-1)).toMatchObject({ type: "finished", result: "ok" });
      expect(await netActive()).toBe(false);
      const again = await labVirsh(HOST, ["net-start", "--", NET]);
      expect(again.code, again.stderr).toBe(0);
    });

    it("a server action called from another origin is refused by Next's own check: no user is created", async () => {
      const username = `sec-csrf-${randomBytes(3).toString("hex")}`;
      hostile("routes", "cross-origin server action (addUser as admin)", { origin: "https://evil.example", username });
      const reply = await actionAt(ctx.base, "app/users/actions.ts", "addUser", [{ username, password: "cross-origin-pw-1", role: "admin" }], ctx.admin, "https://evil.example");
      expect(reply.status).toBeGreaterThanOrEqual(400);
      await expect(signInAt(ctx.base, username, "cross-origin-pw-1")).rejects.toThrow(/sign-in as/);
      const users = await fetch(`${ctx.base}/users`, { headers: { Cookie: ctx.admin } }).then((r) => r.text());
      expect(users).toContain(seeded.server.adminUser);
      expect(users).not.toContain(username);
    });
  });

  describe("load", () => {
    /** sshd's "Connection from" lines for the e2e machine's address since a byte offset of its log. */
    const connectionsSince = (offset: number) =>
      readFileSync(sshdLogPath(HOST)).subarray(offset).toString("utf8").split("\n").filter((l) => /^Connection from \S+ port \d+ on /.test(l)).length;

    it("200 parallel status checks by a viewer open at most a handful of SSH connections, and other pages keep answering", async () => {
      const page = async () => {
        const t0 = performance.now();
        const res = await fetch(`${ctx.base}/hosts`, { headers: { Cookie: ctx.viewer, Accept: "text/html" } });
        await res.text();
        expect(res.status).toBe(200);
        return performance.now() - t0;
      };
      const quiet = [await page(), await page(), await page()];
      await new Promise((r) => setTimeout(r, 2_100)); // past the fresh-answer window: the burst must check the host
      const offset = statSync(sshdLogPath(HOST)).size;
      hostile("load", "200 parallel GET /hosts/hv-a/status by a viewer", { n: 200, path: "/hosts/hv-a/status" });
      let bursting = true;
      const t0 = performance.now();
      const burst = Promise.all(
        Array.from({ length: 200 }, () =>
          fetch(`${ctx.base}/hosts/${HOST}/status`, { headers: { Cookie: ctx.viewer } }).then(async (r) => ({ status: r.status, body: (await r.json()) as { data?: { state: string } } })),
        ),
      ).finally(() => (bursting = false));
      const during: number[] = [];
      while (bursting) during.push(await page());
      const answers = await burst;
      const burstMs = performance.now() - t0;
      expect(answers.every((a) => a.status === 200 && a.body.data?.state === "connected")).toBe(true);
      // One reading per check: one for the burst, and one more per 2 s fresh window it outlived.
      const readings = new Set(answers.map((a) => JSON.stringify(a.body.data))).size;
      expect(readings).toBeLessThanOrEqual(1 + Math.ceil(burstMs / 2_000));
      await new Promise((r) => setTimeout(r, 500)); // sshd logs asynchronously
      const connections = connectionsSince(offset);
      const ms = (xs: number[]) => `median ${Math.round(xs.sort((a, b) => a - b)[xs.length >> 1]!)} ms, max ${Math.round(Math.max(...xs))} ms`;
      console.log(
        `200 parallel status checks: answered in ${Math.round(burstMs)} ms by ${readings} check(s); ${connections} SSH connection(s) in hv-a's sshd log; ` +
          `/hosts quiet ${ms(quiet)}, during the burst ${ms(during)} (${during.length} loads)`,
      );
      // Each check opens one connection (the host-key check); another helper's test may add one or two.
      expect(connections).toBeGreaterThanOrEqual(1);
      expect(connections).toBeLessThanOrEqual(readings + 2);
      expect(connections).toBeLessThanOrEqual(6);
      // Another page answers meanwhile. Node serves requests in turn, so a page asked mid-burst waits for
      // the framework work of the requests ahead of it (a few ms each), never for SSH: bounded by the burst.
      expect(during.length).toBeGreaterThanOrEqual(1);
      expect(Math.max(...during)).toBeLessThan(burstMs + 1_000);
      expect(Math.max(...during)).toBeLessThan(10_000);
    });

    it("a host in backoff is not dialled again: one connect attempt for 20 callers, none for the 50 after", async () => {
      const address = labHost("hv-down").address;
      hostile("load", "parallel status checks of a dead host (hv-down)", { first: 20, then: 50 });
      const check = () => fetch(`${ctx.base}/hosts/hv-down/status`, { headers: { Cookie: ctx.viewer } }).then(async (r) => ((await r.json()) as { data: { state: string } }).data.state);
      const t0 = performance.now();
      const first = Promise.all(Array.from({ length: 20 }, check));
      await new Promise((r) => setTimeout(r, 1_500));
      // The dead address drops every packet: a dial shows as a socket stuck in SYN-SENT.
      const dialling = serverSshSockets(ctx.base, address, "syn-sent");
      expect(await first).toEqual(Array(20).fill("unreachable"));
      const firstMs = performance.now() - t0;
      const t1 = performance.now();
      const second = Promise.all(Array.from({ length: 50 }, check));
      await new Promise((r) => setTimeout(r, 200));
      const redialling = serverSshSockets(ctx.base, address, "syn-sent");
      expect(await second).toEqual(Array(50).fill("unreachable"));
      const secondMs = performance.now() - t1;
      console.log(`hv-down: 20 callers → ${dialling} SYN-SENT socket(s), answered in ${Math.round(firstMs)} ms; 50 more in backoff → ${redialling} socket(s), ${Math.round(secondMs)} ms`);
      expect(dialling).toBe(1);
      expect(redialling).toBe(0);
      expect(secondMs).toBeLessThan(2_000);
    });

    it("event streams: past 8 per session and 32 per address, 429 with a message; a closed stream gives its slot back", async () => {
      const open: AbortController[] = [];
      const stream = async (cookie: string) => {
        const abort = new AbortController();
        const res = await fetch(`${ctx.base}/api/events?host=${HOST}`, { headers: { Cookie: cookie }, signal: abort.signal });
        if (res.status !== 200) return { status: res.status, body: (await res.json()) as { code: string; message: string } };
        await res.body!.getReader().read(); // the stream is live once its first bytes arrive
        open.push(abort);
        return { status: res.status, body: null };
      };
      try {
        hostile("load", "9 event streams in one session", { session: "viewer", streams: 9 });
        for (let i = 0; i < 8; i += 1) expect((await stream(ctx.viewer)).status).toBe(200);
        const ninth = await stream(ctx.viewer);
        expect(ninth.status).toBe(429);
        expect(ninth.body).toMatchObject({ code: "too-many-streams", message: "This session already has 8 live-update streams open; close other Switchyard tabs and reload." });

        // Closing one gives its slot back.
        open.shift()!.abort();
        await new Promise((r) => setTimeout(r, 300));
        expect((await stream(ctx.viewer)).status).toBe(200);

        hostile("load", "33 event streams from one address over 5 sessions", { sessions: 5, streams: 33 });
        for (const cookie of [ctx.admin, ctx.opA, ctx.opB]) for (let i = 0; i < 8; i += 1) expect((await stream(cookie)).status).toBe(200);
        const over = await stream(ctx.viewer2);
        expect(over.status).toBe(429);
        expect(over.body?.message).toBe("Your address already has 32 live-update streams open; close some Switchyard tabs and reload.");
        // 32 browser streams are one event subscription on the host: the server holds at most two SSH connections to it.
        expect(serverSshSockets(ctx.base, labHost(HOST).address, "established")).toBeLessThanOrEqual(2);
      } finally {
        for (const abort of open.splice(0)) abort.abort();
      }
      await new Promise((r) => setTimeout(r, 500));
      expect((await stream(ctx.viewer2)).status).toBe(200);
      for (const abort of open.splice(0)) abort.abort();
    });

    it("a plan flood stops at the per-operator cap with a clear message; the host is untouched and others still plan", async () => {
      hostile("load", "plan flood: one operator requests plans in a loop", { change: "stop", until: "refused" });
      let made = 0;
      let refusal: { code?: string; message?: string } | undefined;
      while (!refusal && made < 40) {
        const batch = await Promise.all(Array.from({ length: 8 }, () => planAs(ctx.opB, "stop")));
        for (const r of batch) {
          if (r.id) made += 1;
          else refusal ??= r;
        }
      }
      expect(made).toBe(30);
      expect(refusal).toEqual({ id: undefined, code: "too-many-plans", message: "You have 30 plans waiting to be applied; apply them or wait for them to expire (10 minutes) before making more." });
      expect(await netActive()).toBe(true);
      const other = await planAs(ctx.opA, "stop");
      expect(other.code, other.message).toBeUndefined();
      expect(other.id).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
