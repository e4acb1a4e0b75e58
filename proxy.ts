import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAME } from "./lib/auth/cookie-name";

// A convenience only: sends page visits without a session cookie to /login.
// It does not authorise anything. Pages, server actions and route handlers each
// check the session themselves (middleware has been bypassed before, CVE-2025-29927),
// so server actions and API calls pass through untouched and get their own refusal.
export function proxy(request: NextRequest) {
  // Only a browser navigating to a page is redirected; fetches of route handlers
  // and RSC payloads reach their own checks and get a 401 or their own redirect.
  const navigation = request.method === "GET" && (request.headers.get("accept") ?? "").includes("text/html");
  if (!navigation || request.headers.has("next-action")) return NextResponse.next();
  // The landing page only says what Switchyard is; it is public and shows no host data.
  if (request.nextUrl.pathname === "/") return NextResponse.next();
  if (request.cookies.has(SESSION_COOKIE_NAME)) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything but the sign-in page, API routes, Next's assets and files with an extension.
  matcher: ["/((?!login|api/|_next/|.*\\.[A-Za-z0-9]+$).*)"],
};
