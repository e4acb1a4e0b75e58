// Route handlers that change something refuse a request another site's page
// sent. Browsers put the page's origin in `Origin` on every POST; a mismatch
// with the host the request was sent to means a cross-site page is calling us
// with the operator's cookie. Next applies the same rule to server actions
// (its own check compares Origin with X-Forwarded-Host, then Host); this is the
// same comparison for route handlers, which Next does not check.
// A request with no Origin at all is not from a browser page (curl, scripts) and
// carries no one else's cookie, so it passes to the session check.

const refusal = (message: string) => Response.json({ ok: false, code: "cross-origin", message }, { status: 403 });

/** The host the client addressed: a proxy's X-Forwarded-Host first, as Next does for server actions. */
function addressedHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

/** Null when the request may go on; otherwise the 403 to send. */
export function crossOriginRefusal(request: Request): Response | null {
  const origin = request.headers.get("origin");
  if (origin === null) {
    // Fetch metadata, when a browser sends it, says the same thing in other words.
    return request.headers.get("sec-fetch-site") === "cross-site" ? refusal("Requests from other sites are refused.") : null;
  }
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" (sandboxed frames, file: pages) and anything unparsable.
    return refusal("Requests from other sites are refused.");
  }
  const host = addressedHost(request.headers);
  if (!host || originHost.toLowerCase() !== host.toLowerCase()) return refusal("Requests from other sites are refused.");
  return null;
}
