// Pure and client-safe. Where to go after signing in: only a path of this
// origin (open redirect otherwise). Browsers strip tabs and newlines from URLs
// and read a backslash as a slash, so "/\t/evil.example" and "/\evil.example"
// are "//evil.example" to them: anything with a control character, whitespace
// or a backslash, raw or percent-encoded, is refused rather than repaired.

const UNSAFE = /[\\\s\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const BASE = "http://switchyard.invalid";

function decodedOrNull(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

export function safeNextPath(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || path.length > 2048) return "/";
  const decoded = decodedOrNull(path);
  if (decoded === null) return "/";
  for (const form of [path, decoded]) {
    if (!form.startsWith("/") || form.startsWith("//") || UNSAFE.test(form)) return "/";
  }
  // What a URL parser makes of it must still be this origin (and not the sign-in page again).
  const url = new URL(path, BASE);
  if (url.origin !== BASE || url.pathname === "/login" || url.pathname.startsWith("/login/")) return "/";
  return url.pathname + url.search + url.hash;
}
