"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { Plan } from "@/lib/domain/plan";
import { PlanDialog } from "@/components/changes/plan-dialog";
import { ErrorBox } from "@/components/ui";

// Ask the server for a plan, show it in the shared change dialog, and reload
// the page's server data once the change has ended, whatever its result.

export type PlanFlow = {
  busy: boolean;
  error: string | null;
  fieldErrors: Record<string, string>;
  ask: (call: () => Promise<ActionResult<Plan>>) => Promise<boolean>;
  dialog: ReactNode;
};

export function usePlanFlow(): PlanFlow {
  const router = useRouter();
  const [plan, setPlan] = useState<Plan | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const ask = async (call: () => Promise<ActionResult<Plan>>) => {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    const result = await call().catch(() => ({ ok: false as const, code: "network", message: "The server could not be reached." }));
    setBusy(false);
    if (result.ok) setPlan(result.data);
    else {
      setError(result.message);
      setFieldErrors(("fieldErrors" in result ? result.fieldErrors : undefined) ?? {});
    }
    return result.ok;
  };
  const finished = () => {
    setPlan(null);
    router.refresh();
  };
  const dialog = plan ? <PlanDialog key={plan.id} plan={plan} onClose={() => setPlan(null)} onFinished={finished} /> : null;
  return { busy: busy || !!plan, error, fieldErrors, ask, dialog };
}

export function FlowError({ flow }: { flow: PlanFlow }) {
  return <ErrorBox message={flow.error} />;
}
