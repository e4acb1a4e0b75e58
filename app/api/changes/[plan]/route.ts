import { z } from "zod";
import { authorizeRoute } from "@/lib/auth/guard";
import { applyPlanResponse } from "@/lib/changes/apply-stream";
import { readBoundedText } from "@/lib/http/bounded-body";
import { crossOriginRefusal } from "@/lib/http/same-origin";

// POST /api/changes/<plan id> applies a stored plan and streams its progress
// as NDJSON (one ApplyEvent per line). Body: { confirm?: string }.

/** The body is one confirmation phrase (a network's name): 32 kB is generous. */
const APPLY_BODY_LIMIT_BYTES = 32 * 1024;

const body = z.object({ confirm: z.string().max(10_000).optional() });
const planId = z.uuid();

export async function POST(request: Request, { params }: { params: Promise<{ plan: string }> }) {
  const auth = await authorizeRoute("operator");
  if (!auth.ok) return auth.response;
  // A signed-in browser tricked into posting from another origin is refused before anything is read.
  const crossOrigin = crossOriginRefusal(request);
  if (crossOrigin) return crossOrigin;
  // JSON only: a cross-site form cannot send it without a CORS preflight we never answer.
  if (!request.headers.get("content-type")?.startsWith("application/json")) {
    return Response.json({ ok: false, code: "invalid", message: "Send JSON." }, { status: 415 });
  }
  const id = planId.safeParse((await params).plan);
  const read = await readBoundedText(request, APPLY_BODY_LIMIT_BYTES);
  if (!read.ok) return read.response;
  const input = body.safeParse(parseJson(read.text));
  if (!id.success || !input.success) return Response.json({ ok: false, code: "invalid", message: "Bad request." }, { status: 400 });
  return applyPlanResponse(id.data, auth.operator, input.data.confirm);
}

function parseJson(text: string): unknown {
  try {
    return text === "" ? {} : JSON.parse(text);
  } catch {
    return null;
  }
}
