import type { AddressInfo } from "node:net";
import { Server, utils, type Connection } from "ssh2";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  closeAllConnections, configureTransport, fingerprintOf, runCommand, Timeout, transportSettings, transportStats, Unreachable,
  type SshTarget,
} from "@/lib/ssh";

// The pool's own behaviour (reuse, idle close, backoff, credentials changes,
// the client-side clock, stdin) against an in-process ssh2 server on loopback.
// The server plays a host: `echo-stdin` echoes its input, `hang` never ends,
// anything else exits 0.

const hostKey = utils.generateKeyPairSync("ed25519");
const fingerprint = fingerprintOf(Buffer.from(hostKey.public.split(" ")[1]!, "base64"));
let server: Server;
let port = 0;
let logins = 0;
const clients = new Set<Connection>();

beforeAll(async () => {
  server = new Server({ hostKeys: [hostKey.private] }, (client) => {
    clients.add(client);
    client.on("error", () => {});
    client.on("close", () => clients.delete(client));
    client.on("authentication", (ctx) => {
      if (ctx.method === "password" && ctx.username === "u" && ctx.password === "p") {
        logins += 1;
        ctx.accept();
      } else ctx.reject(["password"]);
    });
    client.on("session", (accept) => {
      const session = accept();
      session.on("exec", (acceptExec, _reject, info) => {
        const channel = acceptExec();
        channel.on("error", () => {});
        if (info.command.includes("'hang'")) return;
        if (info.command.includes("'echo-stdin'")) {
          const chunks: Buffer[] = [];
          channel.on("data", (d: Buffer) => chunks.push(d));
          channel.on("end", () => {
            channel.write(Buffer.concat(chunks));
            channel.exit(0);
            channel.end();
          });
          return;
        }
        channel.exit(0);
        channel.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

const original = { ...transportSettings() };
afterEach(() => {
  closeAllConnections();
  configureTransport(original);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const target = (over: Partial<SshTarget> = {}): SshTarget => ({
  id: "fake",
  address: "127.0.0.1",
  port,
  username: "u",
  auth: { kind: "password", password: "p" },
  pinnedFingerprint: fingerprint,
  ...over,
});

describe("connection pool", () => {
  it("reuses one login for many commands, and sends stdin", async () => {
    const before = logins;
    await Promise.all(Array.from({ length: 12 }, () => runCommand(target(), ["true"])));
    const echoed = await runCommand(target(), ["echo-stdin"], { stdin: "<network/>\n" });
    expect(echoed.stdout).toBe("<network/>\n");
    expect(logins - before).toBe(1);
    expect(transportStats("fake")).toMatchObject({ connects: 1, openChannels: 0, peakChannels: 8 });
  });

  it("closes an idle connection, and reconnects on the next command", async () => {
    configureTransport({ idleCloseMs: 200 });
    await runCommand(target(), ["true"]);
    expect(transportStats("fake")!.connected).toBe(true);
    await new Promise((r) => setTimeout(r, 400));
    expect(transportStats("fake")!.connected).toBe(false);
    await runCommand(target(), ["true"]);
    expect(transportStats("fake")).toMatchObject({ connected: true, connects: 2 });
  });

  it("opens a new connection when the credentials change, and retires the old one", async () => {
    await runCommand(target(), ["true"]);
    const old = [...clients];
    const error = await runCommand(target({ auth: { kind: "password", password: "wrong" } }), ["true"]).catch((e: unknown) => e);
    expect((error as Error).name).toBe("AuthFailed");
    await new Promise((r) => setTimeout(r, 100));
    expect(old.every((c) => !clients.has(c))).toBe(true);
  });

  it("backs off after a failed connect: the next call fails fast, a later one tries again", async () => {
    configureTransport({ backoffBaseMs: 300 });
    const closed = target({ id: "closed", port: 1 }); // nothing listens on port 1
    await expect(runCommand(closed, ["true"])).rejects.toBeInstanceOf(Unreachable);
    const started = performance.now();
    await expect(runCommand(closed, ["true"])).rejects.toBeInstanceOf(Unreachable);
    expect(performance.now() - started).toBeLessThan(50);
    expect(transportStats("closed")!.consecutiveFailures).toBe(1);
    await new Promise((r) => setTimeout(r, 350));
    await expect(runCommand(closed, ["true"])).rejects.toBeInstanceOf(Unreachable);
    expect(transportStats("closed")!.consecutiveFailures).toBe(2);
  });

  it("gives up on a command the host never finishes, and closes its channel", async () => {
    configureTransport({ clientGraceMs: 100 });
    const error = await runCommand(target(), ["hang"], { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Timeout);
    expect(transportStats("fake")).toMatchObject({ openChannels: 0, connected: true });
  });
});
