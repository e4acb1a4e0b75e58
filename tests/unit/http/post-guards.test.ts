import { describe, expect, it } from "vitest";
import { readBoundedText } from "@/lib/http/bounded-body";
import { crossOriginRefusal } from "@/lib/http/same-origin";

// The two guards in front of route handlers that change things: a body read
// that stops at its limit whatever Content-Length says, and the Origin check.

const post = (headers: Record<string, string>, body?: BodyInit) =>
  new Request("http://127.0.0.1:3000/api/changes/x", { method: "POST", headers, body, duplex: "half" } as RequestInit);

/** A body that arrives in chunks without a Content-Length, counting how much was pulled. */
function chunked(chunks: number, size: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  return { stream, pulled: () => pulled };
}

describe("crossOriginRefusal", () => {
  it("lets the app's own origin through", () => {
    expect(crossOriginRefusal(post({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }))).toBeNull();
  });

  it("lets a request with no Origin through to the session check (not a browser page)", () => {
    expect(crossOriginRefusal(post({ host: "127.0.0.1:3000" }))).toBeNull();
  });

  it.each([
    ["another site", "https://evil.example"],
    ["another port of the same address", "http://127.0.0.1:4000"],
    ["a sandboxed frame", "null"],
    ["a look-alike host", "http://127.0.0.1:3000.evil.example"],
    ["garbage", "::::"],
  ])("refuses %s with 403", async (_what, origin) => {
    const refused = crossOriginRefusal(post({ host: "127.0.0.1:3000", origin }));
    expect(refused?.status).toBe(403);
    expect(await refused?.json()).toMatchObject({ code: "cross-origin" });
  });

  it("follows X-Forwarded-Host as Next does for server actions", () => {
    expect(crossOriginRefusal(post({ host: "127.0.0.1:3000", "x-forwarded-host": "console.example", origin: "https://console.example" }))).toBeNull();
    expect(crossOriginRefusal(post({ host: "127.0.0.1:3000", "x-forwarded-host": "console.example", origin: "http://127.0.0.1:3000" }))?.status).toBe(403);
  });

  it("refuses a cross-site fetch that hid its Origin but not its fetch metadata", () => {
    expect(crossOriginRefusal(post({ host: "127.0.0.1:3000", "sec-fetch-site": "cross-site" }))?.status).toBe(403);
  });
});

describe("readBoundedText", () => {
  it("reads a body under the limit", async () => {
    expect(await readBoundedText(post({}, '{"confirm":"net"}'), 1024)).toEqual({ ok: true, text: '{"confirm":"net"}' });
  });

  it("refuses early when Content-Length says too much", async () => {
    const read = await readBoundedText(post({ "content-length": "999999" }, "{}"), 1024);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.response.status).toBe(413);
  });

  it("counts the bytes of a chunked body and stops pulling past the limit", async () => {
    const body = chunked(1000, 1024); // 1 MB offered, no Content-Length
    const read = await readBoundedText(post({}, body.stream), 32 * 1024);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(await read.response.json()).toMatchObject({ code: "body-too-large", message: "The request body is larger than 32 kB." });
    expect(body.pulled()).toBeLessThan(40);
  });
});
