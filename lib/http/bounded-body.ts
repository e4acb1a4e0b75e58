// Reads a request body up to a byte limit, counting what actually arrives:
// Content-Length can lie or be missing (chunked uploads), so it is only used to
// refuse early, never to decide that a body is small.

export type BoundedBody = { ok: true; text: string } | { ok: false; response: Response };

const tooLarge = (limit: number) =>
  Response.json({ ok: false, code: "body-too-large", message: `The request body is larger than ${Math.round(limit / 1024)} kB.` }, { status: 413 });

export async function readBoundedText(request: Request, limitBytes: number): Promise<BoundedBody> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limitBytes) {
    await request.body?.cancel().catch(() => {});
    return { ok: false, response: tooLarge(limitBytes) };
  }
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limitBytes) {
      // Stop reading: the rest is never buffered.
      await reader.cancel().catch(() => {});
      return { ok: false, response: tooLarge(limitBytes) };
    }
    chunks.push(value);
  }
  return { ok: true, text: new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks)) };
}
