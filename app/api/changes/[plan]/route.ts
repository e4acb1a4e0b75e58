import { z } from "zod";
import { authorizeRoute } from "@/lib/auth/guard";
import { applyPlanResponse } from "@/lib/changes/apply-stream";

// POST /api/changes/<plan id> applies a stored plan and streams its progress
// as NDJSON (one ApplyEvent per line). Body: { confirm?: string }.

const body = z.object({ confirm: z.string().max(10_000).optional() });
const planId = z.uuid();

export async function POST(request: Request, { params }: { params: Promise<{ plan: string }> }) {
  const auth = await authorizeRoute("operator");
  if (!auth.ok) return auth.response;
  // JSON only: a cross-site form cannot send it without a CORS preflight we never answer.
  if (!request.headers.get("content-type")?.startsWith("application/json")) {
    return Response.json({ ok: false, code: "invalid", message: "Send JSON." }, { status: 415 });
  }
  const id = planId.safeParse((await params).plan);
  const input = body.safeParse(await request.json().catch(() => ({})));
  if (!id.success || !input.success) return Response.json({ ok: false, code: "invalid", message: "Bad request." }, { status: 400 });
  return applyPlanResponse(id.data, auth.operator, input.data.confirm);
}
