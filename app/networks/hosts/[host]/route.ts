import { after } from "next/server";
import { authorizeRoute } from "@/lib/auth/guard";
import { retryPendingRemovalsAfterAnswer } from "@/lib/changes/cross-host-pending";
import { readHostView } from "@/lib/libvirt/host-read";
import { routeSegment } from "@/lib/routes";

// GET /networks/hosts/<host>[?scope=full]: one host's snapshot as JSON (an
// ActionResult); libvirt only, or with the kernel side for scope=full.
// A route handler rather than a server action because the fleet page asks all
// hosts at once, and Next runs a page's server actions one after another.
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  const auth = await authorizeRoute("viewer");
  if (!auth.ok) return auth.response;
  const scope = new URL(request.url).searchParams.get("scope") === "full" ? "full" : "networks";
  const host = routeSegment((await params).host);
  if (host === null) return Response.json({ ok: false, code: "invalid", message: "That is not a host name." }, { status: 400 });
  const result = await readHostView(host, scope);
  // A host that answers gets the parts of deleted cross-host networks it missed while down removed, after this response.
  if (result.ok) after(() => retryPendingRemovalsAfterAnswer(host));
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}
