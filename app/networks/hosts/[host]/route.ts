import { authorizeRoute } from "@/lib/auth/guard";
import { readHostView } from "@/lib/libvirt/host-read";

// GET /networks/hosts/<host>[?scope=full]: one host's snapshot as JSON (an
// ActionResult); libvirt only, or with the kernel side for scope=full.
// A route handler rather than a server action because the fleet page asks all
// hosts at once, and Next runs a page's server actions one after another.
export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  const auth = await authorizeRoute("viewer");
  if (!auth.ok) return auth.response;
  const scope = new URL(request.url).searchParams.get("scope") === "full" ? "full" : "networks";
  const result = await readHostView(decodeURIComponent((await params).host), scope);
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}
