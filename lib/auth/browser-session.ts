import "server-only";
import { ok, type ActionResult } from "@/lib/actions/result";
import { clientAddress } from "./client-address";
import { clearSessionCookie, readSessionToken, setSessionCookie } from "./session-cookie";
import { deleteSession } from "./sessions";
import { signIn } from "./sign-in";
import type { SignInInput } from "./user-schemas";

/** Signs in from this request's address and, on success, gives the browser its session cookie. */
export async function startBrowserSession(input: SignInInput): Promise<ActionResult> {
  const result = await signIn(input, await clientAddress());
  if (!result.ok) return result;
  await setSessionCookie(result.data.token, result.data.expiresAt);
  return ok(undefined);
}

/** Deletes this browser's session on the server (so a copied cookie stops working) and drops the cookie. */
export async function endBrowserSession(): Promise<ActionResult> {
  const token = await readSessionToken();
  if (token) await deleteSession(token);
  await clearSessionCookie();
  return ok(undefined);
}
