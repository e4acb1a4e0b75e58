import { authorizeRoute } from "@/lib/auth/guard";
import { loadHostRows } from "@/lib/hosts/live-model-server";
import { routeSegment } from "@/lib/routes";

// GET /networks/hosts/<host>/rows[?settle=1]: the rows of one host's networks
// list (what the table shows, nothing more) as an ActionResult, from the live
// host model when it is current (lib/hosts/live-model.ts). `settle=1` is the
// browser's follow-up to an answer marked `revalidating`: it waits for that
// background read instead of starting another.
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  const auth = await authorizeRoute("viewer");
  if (!auth.ok) return auth.response;
  const host = routeSegment((await params).host);
  if (host === null) return Response.json({ ok: false, code: "invalid", message: "That is not a host name." }, { status: 400 });
  const settle = new URL(request.url).searchParams.get("settle") === "1";
  return Response.json(await loadHostRows(host, { settle }), { headers: { "cache-control": "no-store" } });
}
