import { after } from "next/server";
import { z } from "zod";
import { authorizeRoute } from "@/lib/auth/guard";
import { readHostStatus } from "@/lib/hosts";
import { retryPendingRemovalsAfterAnswer } from "@/lib/changes/cross-host-pending";

// One host's live status, for its row in the host list. A route handler rather
// than a server action on purpose: the browser runs Next's server actions one
// at a time, so a dead host's timeout would hold back every row queued behind
// it. GET requests run in parallel, so each row appears as soon as its host
// answers.

const hostParam = z.string().min(1).max(100);

export async function GET(_request: Request, { params }: { params: Promise<{ host: string }> }) {
  const auth = await authorizeRoute("viewer");
  if (!auth.ok) return auth.response;
  const parsed = hostParam.safeParse((await params).host);
  if (!parsed.success) return Response.json({ ok: false, code: "invalid", message: "Unknown host." }, { status: 400 });
  const status = await readHostStatus(parsed.data);
  if (!status) return Response.json({ ok: false, code: "host-not-found", message: "That host no longer exists." }, { status: 404 });
  // A host that answers gets the parts of deleted cross-host networks it missed while down removed, after this response.
  if (status.state === "connected") after(() => retryPendingRemovalsAfterAnswer(status.hostId));
  return Response.json({ ok: true, data: status }, { headers: { "Cache-Control": "no-store" } });
}
