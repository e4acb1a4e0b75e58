import { z } from "zod";
import { authorizeRoute } from "@/lib/auth/guard";
import { exportNetwork } from "@/lib/libvirt/network-export";
import { uuidInput } from "@/lib/domain/inputs";
import { routeSegment } from "@/lib/routes";

// GET …/export?uuid=<uuid>&format=xml|sh: a download. The UUID names the
// network; the [name] segment only makes the URL readable.
const query = z.object({ uuid: uuidInput("network"), format: z.enum(["xml", "sh"]) });

export async function GET(request: Request, { params }: { params: Promise<{ host: string }> }) {
  const auth = await authorizeRoute("viewer");
  if (!auth.ok) return auth.response;
  const url = new URL(request.url);
  const input = query.safeParse({ uuid: url.searchParams.get("uuid"), format: url.searchParams.get("format") });
  const host = routeSegment((await params).host);
  if (!input.success || host === null) return Response.json({ ok: false, code: "invalid", message: "Give a host, uuid and format=xml|sh." }, { status: 400 });
  const result = await exportNetwork(host, input.data.uuid, input.data.format);
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
