import { authorizeRoute } from "@/lib/auth/guard";
import { readHostView } from "@/lib/libvirt/host-read";

// GET /networks/hosts/<host>: one host's snapshot as JSON (an ActionResult).
// A route handler rather than a server action because the fleet page asks all
// hosts at once, and Next runs a page's server actions one after another.
export async function GET(_request: Request, { params }: { params: Promise<{ host: string }> }) {
  const auth = await authorizeRoute("viewer");
  if (!auth.ok) return auth.response;
  const result = await readHostView(decodeURIComponent((await params).host));
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}
