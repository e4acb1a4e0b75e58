"use client";

import { useState } from "react";
import { useFormContext } from "react-hook-form";
import { checkNetworkStep } from "@/app/hosts/[host]/new-network/actions";
import type { WizardValues } from "@/lib/domain/network";
import type { WizardPath } from "./field";
import { placeServerErrors } from "./server-errors";
import { LAST_STEP, STEPS } from "./steps";

/**
 * Back and Forward. Forward validates the step it leaves in the browser, then
 * on the server against the host as it is now (a name or subnet taken since
 * the page loaded); the step changes only when both agree.
 */
export function useStepWalk(host: string) {
  const { trigger, getValues, setError } = useFormContext<WizardValues>();
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const forward = async () => {
    setMessage(null);
    if (!(await trigger(STEPS[step]!.fields as WizardPath[], { shouldFocus: true }))) return;
    setBusy(true);
    const result = await checkNetworkStep({ host, step, values: getValues() });
    setBusy(false);
    if (!result.ok) {
      if (placeServerErrors(setError, result).length === 0) setMessage(result.message);
      return;
    }
    setStep((s) => Math.min(s + 1, LAST_STEP));
  };
  const back = () => {
    setMessage(null);
    setStep((s) => Math.max(s - 1, 0));
  };
  return { step, setStep, busy, message, setMessage, forward, back };
}
