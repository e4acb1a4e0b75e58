import "server-only";
import type { z } from "zod";
import { parseInput } from "@/lib/actions/parse-input";
import { fail, type ActionResult } from "@/lib/actions/result";
import { authorize } from "@/lib/auth/guard";
import type { Operator, Role } from "@/lib/auth/roles";
import { isSshError } from "@/lib/ssh";

// Every server action is one of these. Actions are public POST endpoints, so
// the session and role are checked on every call, before the input is even
// parsed; then the input is parsed with the action's schema (field errors on
// the fields that caused them); then the handler runs, and what it throws
// becomes a typed failure instead of a 500 the browser cannot place.

export type ActionHandler<S extends z.ZodType, T> = (input: z.infer<S>, operator: Operator) => Promise<ActionResult<T>>;

export function defineAction<S extends z.ZodType, T>(role: Role, schema: S, handler: ActionHandler<S, T>): (input?: unknown) => Promise<ActionResult<T>> {
  return async (input?: unknown) => {
    const auth = await authorize(role);
    if (!auth.ok) return auth;
    const parsed = parseInput(schema, input);
    if (!parsed.ok) return parsed;
    try {
      return await handler(parsed.data, auth.operator);
    } catch (error) {
      // Next's own control flow (redirect, notFound, dynamic bail-outs) carries a digest and must pass.
      if (error instanceof Error && "digest" in error) throw error;
      if (isSshError(error)) return fail(error.kind, error.message);
      console.error("server action failed", error);
      return fail("internal", "The action failed unexpectedly; see the server log.");
    }
  };
}
