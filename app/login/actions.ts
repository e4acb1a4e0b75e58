"use server";

import type { ActionResult } from "@/lib/actions/result";
import { endBrowserSession, startBrowserSession } from "@/lib/auth/browser-session";
import { authorize } from "@/lib/auth/guard";
import { parseInput } from "@/lib/actions/parse-input";
import { signInSchema } from "@/lib/auth/user-schemas";

// The one action callable without a session (listed in lib/auth/action-policy.ts).
export async function signIn(input: unknown): Promise<ActionResult> {
  const parsed = parseInput(signInSchema, input);
  if (!parsed.ok) return parsed;
  return startBrowserSession(parsed.data);
}

export async function signOut(): Promise<ActionResult> {
  const auth = await authorize("viewer");
  if (!auth.ok) return auth;
  return endBrowserSession();
}
