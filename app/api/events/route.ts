import { authorizeRoute } from "@/lib/auth/guard";
import { readSessionToken } from "@/lib/auth/session-cookie";
import { liveEvents } from "@/lib/events";
import { liveStream } from "@/lib/events/live-stream";
import { SSE_HEADERS } from "@/lib/events/sse";
import { findHost, listHosts } from "@/lib/hosts";

// GET /api/events?host=<id or name>  — live changes of one host
// GET /api/events                    — live changes of every registered host
// Server-sent events; see lib/events/types.ts for the messages.

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

  const body = liveStream({ hub: liveEvents(), hosts, signal: request.signal, sessionToken: await readSessionToken() });
  return new Response(body, { headers: SSE_HEADERS });
}
