import { createHash } from "node:crypto";
import { clientAddress } from "@/lib/auth/client-address";
import { authorizeRoute } from "@/lib/auth/guard";
import { readSessionToken } from "@/lib/auth/session-cookie";
import { liveEvents } from "@/lib/events";
import { liveStream } from "@/lib/events/live-stream";
import { SSE_HEADERS } from "@/lib/events/sse";
import { streamSlots } from "@/lib/events/stream-slots";
import { findHost, listHosts } from "@/lib/hosts";
import { withLiveModel } from "@/lib/hosts/live-model-server";

// GET /api/events?host=<id or name>  — live changes of one host
// GET /api/events                    — live changes of every registered host
// Server-sent events; see lib/events/types.ts for the messages. Each stream
// takes a slot for its session and its address (lib/events/stream-slots.ts):
// past the cap, 429 with a message.

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const auth = await authorizeRoute("viewer");
  if (!auth.ok) return auth.response;

  const wanted = new URL(request.url).searchParams.get("host");
  let hosts: Array<{ id: string; name: string }>;
  if (wanted !== null) {
    const host = await findHost(wanted);
    if (!host) return Response.json({ ok: false, code: "host-not-found", message: `There is no host "${wanted}".` }, { status: 404 });
    hosts = [{ id: host.id, name: host.name }];
  } else {
    hosts = (await listHosts()).map((h) => ({ id: h.id, name: h.name }));
  }

  const sessionToken = await readSessionToken();
  // The token itself is not kept in memory longer than the request: its hash is enough to count by.
  const sessionKey = createHash("sha256").update(sessionToken ?? "").digest("base64url");
  const slot = streamSlots().acquire(sessionKey, await clientAddress());
  if (!slot.ok) {
    return Response.json({ ok: false, code: "too-many-streams", message: slot.message }, { status: 429, headers: { "Retry-After": "10" } });
  }
  const body = liveStream({ hub: withLiveModel(liveEvents()), hosts, signal: request.signal, sessionToken, onClose: slot.release });
  return new Response(body, { headers: SSE_HEADERS });
}
