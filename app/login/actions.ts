"use server";

import { ok, type ActionResult } from "@/lib/actions/result";
import { clientAddress } from "@/lib/auth/client-address";
import { authorize } from "@/lib/auth/guard";
import { parseInput } from "@/lib/auth/parse-input";
import { clearSessionCookie, readSessionToken, setSessionCookie } from "@/lib/auth/session-cookie";
import { deleteSession } from "@/lib/auth/sessions";
import { signIn as checkCredentials } from "@/lib/auth/sign-in";
import { signInSchema } from "@/lib/auth/user-schemas";

// The one action callable without a session (listed in lib/auth/action-policy.ts).
export async function signIn(input: unknown): Promise<ActionResult> {
  const parsed = parseInput(signInSchema, input);
  if (!parsed.ok) return parsed;
  const result = await checkCredentials(parsed.data, await clientAddress());
  if (!result.ok) return result;
  await setSessionCookie(result.data.token, result.data.expiresAt);
  return ok(undefined);
}

export async function signOut(): Promise<ActionResult> {
  const auth = await authorize("viewer");
  if (!auth.ok) return auth;
  const token = await readSessionToken();
  if (token) await deleteSession(token);
  await clearSessionCookie();
  return ok(undefined);
}
