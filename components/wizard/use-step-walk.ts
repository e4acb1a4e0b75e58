"use client";

import { useState } from "react";
import { useFormContext } from "react-hook-form";
import { checkNetworkStep } from "@/app/hosts/[host]/new-network/actions";
import { wizardWalk, type WizardValues } from "@/lib/domain/network";
import type { WizardPath } from "./field";
import { placeServerErrors } from "./server-errors";
import { STEPS } from "./steps";

/**
 * Back and Forward. Forward validates the step it leaves in the browser, then
 * on the server against the host as it is now (a name or subnet taken since
 * the page loaded); the step changes only when both agree.
 */
export function useStepWalk(host: string) {
  const { trigger, getValues, setError, watch } = useFormContext<WizardValues>();
  // The walk follows the connection chosen on the first page; `position` is the place in it.
  const walk = wizardWalk(watch("connection"));
  const [position, setPosition] = useState(0);
  const step = walk[Math.min(position, walk.length - 1)]!;
  const last = position >= walk.length - 1;
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
    setPosition((p) => Math.min(p + 1, walk.length - 1));
  };
  const back = () => {
    setMessage(null);
    setPosition((p) => Math.max(p - 1, 0));
  };
  return { step, position, walk, last, setPosition, busy, message, setMessage, forward, back };
}
