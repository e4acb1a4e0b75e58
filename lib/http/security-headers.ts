// The security headers every response carries. Pure: proxy.ts calls these per
// request, next.config.js sets the ones that never change.
//
// Scripts: only from this origin, plus the inline scripts Next itself writes
// (its RSC payload), which carry a per-request nonce (Next reads it from the
// request's CSP header and stamps its own script tags). No 'unsafe-inline' for
// scripts, no 'unsafe-eval' outside `next dev`.
// Styles keep 'unsafe-inline': React Flow positions every node with a style
// attribute and CodeMirror injects its theme as <style>; a style injection
// cannot run code, and script-src is what stops cross-site scripting.

export type CspOptions = { nonce: string; dev: boolean; secure: boolean };

export function pageCsp({ nonce, dev, secure }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Topology export draws the canvas into data: and blob: images.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // The elk layout worker is a same-origin module script.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(secure ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Route handlers answer JSON, NDJSON, SSE or a download: nothing in them may load or be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export const HSTS = "max-age=63072000; includeSubDomains";

/** A fresh, unguessable nonce per response (128 bits). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Whether the browser reached us over https: the same rule that marks the
 * session cookie Secure (lib/auth/session-cookie.ts), so HSTS is sent exactly
 * when the cookie is Secure.
 */
export function servedSecurely(forwardedProto: string | null, secureCookiesSetting: string | undefined): boolean {
  if (secureCookiesSetting === "1") return true;
  return (forwardedProto ?? "").split(",")[0]?.trim() === "https";
}
