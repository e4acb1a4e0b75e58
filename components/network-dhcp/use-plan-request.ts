"use client";

import { useState } from "react";
import type { ActionResult, FieldErrors } from "@/lib/actions/result";
import type { Plan } from "@/lib/domain/plan";

/**
 * Asks a server action for a plan and hands it to the page's change flow, or
 * keeps the refusal: a message, and per-field messages for the form.
 */
export function usePlanRequest(onPlan: (plan: Plan) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const request = async (call: () => Promise<ActionResult<Plan>>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    const result = await call().catch(() => ({ ok: false as const, code: "unreachable", message: "The server could not be reached." }));
    setBusy(false);
    if (result.ok) {
      onPlan(result.data);
      return true;
    }
    setError(result.message);
    setFieldErrors("fieldErrors" in result && result.fieldErrors ? result.fieldErrors : {});
    return false;
  };
  return { busy, error, fieldErrors, request };
}
