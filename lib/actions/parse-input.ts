import type { z } from "zod";
import { fail, type ActionFailure } from "@/lib/actions/result";

/** zod-parses an action's untrusted input into data, or an "invalid" failure keyed by field path. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.infer<S> } | ActionFailure {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] ??= issue.message;
  }
  return fail("invalid", "Check the highlighted fields.", fieldErrors);
}
