import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAME } from "./lib/auth/cookie-name";
import { API_CSP, HSTS, newNonce, pageCsp, servedSecurely } from "./lib/http/security-headers";

// Two jobs, neither of them authorisation:
// 1. Security headers: a Content-Security-Policy with a fresh nonce for every
//    page (Next stamps that nonce on its own inline scripts), a strict one for
//    route handlers, and HSTS when the session cookie would be Secure. The
//    headers that never change are in next.config.js.
// 2. A convenience: page visits without a session cookie go to /login. Pages,
//    server actions and route handlers each check the session themselves
//    (middleware has been bypassed before, CVE-2025-29927).
export function proxy(request: NextRequest) {
  // Next decodes dynamic segments before any page runs, and a malformed percent
  // escape (/hosts/%E0%A4%A) fails there as a bare 500: refuse it here.
  if (!decodable(request.nextUrl.pathname)) return new NextResponse("Bad request: the path has a malformed percent escape.", { status: 400 });
  const secure = servedSecurely(request.headers.get("x-forwarded-proto"), process.env.SWITCHYARD_SECURE_COOKIES);
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/api/")) return withTransportHeaders(NextResponse.next(), API_CSP, secure);

  const redirect = loginRedirect(request);
  if (redirect) return withTransportHeaders(redirect, pageCsp({ nonce: newNonce(), dev: false, secure }), secure);

  const csp = pageCsp({ nonce: newNonce(), dev: process.env.NODE_ENV === "development", secure });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  return withTransportHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp, secure);
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function withTransportHeaders(response: NextResponse, csp: string, secure: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  if (secure) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

// Files with an extension (icons, exports) and the sign-in page are not redirected.
const NOT_REDIRECTED = /^\/(?:login(?:\/|$)|_next\/)|\.[A-Za-z0-9]+$/;

function loginRedirect(request: NextRequest): NextResponse | null {
  // Only a browser navigating to a page is redirected; fetches of route handlers
  // and RSC payloads reach their own checks and get a 401 or their own redirect.
  const navigation = request.method === "GET" && (request.headers.get("accept") ?? "").includes("text/html");
  if (!navigation || request.headers.has("next-action")) return null;
  const { pathname } = request.nextUrl;
  // The landing page only says what Switchyard is; it is public and shows no host data.
  if (pathname === "/" || NOT_REDIRECTED.test(pathname)) return null;
  if (request.cookies.has(SESSION_COOKIE_NAME)) return null;
  const login = new URL("/login", request.url);
  login.searchParams.set("next", pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: [
    {
      // Everything but Next's static files; prefetches carry no document to protect.
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
