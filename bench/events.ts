import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { labHost, labVirsh } from "@/lab/index";
import { createLiveEvents } from "@/lib/events";
import { liveStream } from "@/lib/events/live-stream";
import { SSE_HEADERS } from "@/lib/events/sse";
import { closeAllConnections, type SshTarget } from "@/lib/ssh";
import type { BenchLine } from "./run";

// Event latency: an out-of-band `virsh net-start` / `net-destroy` run inside a
// lab host (no Switchyard involved) until the SSE message reaches a client
// subscribed over HTTP. The server side is the route's own stream (hub, host
// watcher over SSH, debounce, SSE framing) on a loopback port, minus the
// sign-in check. The clock starts before virsh is launched, so the libvirt
// operation itself is inside the figure.

const HOST = "hv-a";
const RUNS = 9;
const NET = "sy-live-bench";
const XML = `<network><name>${NET}</name><bridge name='sylvbench0'/><ip address='10.240.250.1' netmask='255.255.255.0'/></network>`;

export function labSshTarget(name: string): SshTarget {
  const host = labHost(name);
  return {
    id: `bench-${name}`,
    address: host.address,
    port: host.port,
    username: host.user,
    auth: { kind: "key", privateKey: readFileSync(path.resolve(host.privateKeyPath), "utf8") },
    pinnedFingerprint: host.hostKeyFingerprint,
  };
}

async function virsh(args: string[]) {
  const result = await labVirsh(HOST, args);
  if (result.code !== 0) throw new Error(`virsh ${args.join(" ")}: ${result.stderr.trim()}`);
}

async function removeNet() {
  await labVirsh(HOST, ["net-destroy", "--", NET]);
  await labVirsh(HOST, ["net-undefine", "--", NET]);
}

function serve(): Promise<{ server: Server; url: string; stop: () => void }> {
  const hub = createLiveEvents({ resolveTarget: async () => labSshTarget(HOST), lingerMs: 100 });
  const server = createServer((req, res) => {
    const abort = new AbortController();
    req.on("close", () => abort.abort());
    res.writeHead(200, SSE_HEADERS as Record<string, string>);
    const body = liveStream({ hub, hosts: [{ id: HOST, name: HOST }], signal: abort.signal, sessionToken: undefined, sessionCheckMs: 3_600_000 });
    Readable.fromWeb(body as import("node:stream/web").ReadableStream).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}/`, stop: () => (hub.stopAll(), server.close()) });
    }),
  );
}

type Frame = { event: string; data: string; at: number };

/**
 * A subscribed SSE client. Frames are stamped when they are read off the
 * socket; `next` waits for the first matching frame read after `since`, so a
 * frame that arrived before an operation started can never count for it.
 */
async function subscribe(url: string, abort: AbortSignal) {
  const res = await fetch(url, { signal: abort });
  const frames: Frame[] = [];
  let wake = () => {};
  void (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      const at = performance.now();
      buffer += read.value;
      for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        frames.push({ event: /^event: (.*)$/m.exec(frame)?.[1] ?? "", data: /^data: (.*)$/m.exec(frame)?.[1] ?? "", at });
      }
      wake();
    }
  })().catch(() => {});
  return async function next(since: number, match: (f: Frame) => boolean, timeoutMs = 10_000): Promise<Frame> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = frames.find((f) => f.at >= since && match(f));
      if (found) return found;
      if (performance.now() > deadline) throw new Error("no matching SSE message within the time limit");
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, 100);
      });
    }
  };
}

/** Waits until no change has arrived for `quietMs` (someone else may be using the host). */
async function settle(next: Awaited<ReturnType<typeof subscribe>>, quietMs = 400) {
  for (;;) {
    const since = performance.now();
    try {
      await next(since, (f) => f.event === "change", quietMs);
    } catch {
      return;
    }
  }
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export async function benchEvents(): Promise<BenchLine[]> {
  const { url, stop } = await serve();
  const abort = new AbortController();
  const scratch = mkdtempSync(path.join(tmpdir(), "sy-live-bench-"));
  try {
    await removeNet();
    writeFileSync(path.join(scratch, "net.xml"), XML);
    const next = await subscribe(url, abort.signal);
    await next(0, (f) => f.event === "status" && f.data.includes('"live"'));
    await virsh(["net-define", "--file", path.join(scratch, "net.xml")]);
    const isChange = (f: Frame) => f.event === "change";
    const total: number[] = [];
    const afterVirsh: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      await settle(next);
      const started = performance.now();
      await virsh([i % 2 === 0 ? "net-start" : "net-destroy", "--", NET]);
      const returned = performance.now();
      const arrived = (await next(started, isChange)).at;
      total.push(arrived - started);
      afterVirsh.push(Math.max(0, arrived - returned));
    }
    return [
      {
        name: "events: out-of-band net-start/destroy → SSE client",
        value: Math.round(median(total)),
        unit: "ms",
        target: "≤ 1000",
        note: `median of ${RUNS} on ${HOST}, clock starts at virsh launch (its own run included); max ${Math.round(Math.max(...total))} ms`,
      },
      {
        name: "events: of which after virsh returned (debounce 120 ms incl.)",
        value: Math.round(median(afterVirsh)),
        unit: "ms",
        target: "info",
        note: "event script → SSH → hub → debounce → SSE → client",
      },
    ];
  } finally {
    abort.abort();
    stop();
    await removeNet();
    rmSync(scratch, { recursive: true, force: true });
    closeAllConnections();
  }
}
