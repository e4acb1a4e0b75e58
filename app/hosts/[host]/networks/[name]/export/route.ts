import { z } from "zod";
import { authorizeRoute } from "@/lib/auth/guard";
import { exportNetwork } from "@/lib/libvirt/network-export";
import { routeSegment } from "@/components/networks/route-segment";

// GET …/export?uuid=<uuid>&format=xml|sh: a download. The UUID names the
// network; the [name] segment only makes the URL readable.
const query = z.object({ uuid: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/), format: z.enum(["xml", "sh"]) });

export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  const auth = await authorizeRoute("viewer");
  if (!auth.ok) return auth.response;
  const url = new URL(request.url);
  const input = query.safeParse({ uuid: url.searchParams.get("uuid")?.toLowerCase(), format: url.searchParams.get("format") });
  if (!input.success) return Response.json({ ok: false, code: "invalid", message: "Give uuid and format=xml|sh." }, { status: 400 });
  const result = await exportNetwork(routeSegment((await params).host), input.data.uuid, input.data.format);
  if (!result.ok) return Response.json(result, { status: result.code === "host-not-found" ? 404 : 502 });
  return new Response(result.data.body, {
    headers: {
      "content-type": result.data.contentType,
      "content-disposition": `attachment; filename="${result.data.filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
