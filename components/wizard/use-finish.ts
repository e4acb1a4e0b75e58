"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { useFormContext } from "react-hook-form";
import { planNewNetwork } from "@/app/hosts/[host]/new-network/actions";
import type { ApplyState } from "@/components/changes/use-apply";
import type { Plan } from "@/lib/domain/plan";
import { wizardWalk, type WizardValues } from "@/lib/domain/network";
import { placeServerErrors } from "./server-errors";
import { stepOfFields } from "./steps";

/**
 * Finish: the server validates everything again and stores the reviewed plan
 * (same UUID); the apply then runs live. Success opens the new network's page.
 * A failure keeps every input and asks for a fresh review, so the operator
 * can fix and retry with a new UUID.
 */
export function useFinish(host: string, goTo: (step: number) => void) {
  const router = useRouter();
  const { getValues, setError } = useFormContext<WizardValues>();
  const [plan, setPlan] = useState<Plan | null>(null);
  const [applying, setApplying] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const finish = async (uuid: string | undefined) => {
    if (!uuid) return;
    setMessage(null);
    setApplying(true);
    const result = await planNewNetwork({ host, values: getValues(), uuid });
    if (!result.ok) {
      setApplying(false);
      const step = stepOfFields(placeServerErrors(setError, result), wizardWalk(getValues("connection")));
      if (step !== null) goTo(step);
      setMessage(result.message);
      return;
    }
    setPlan(result.data);
  };
  const onFinished = useCallback(
    (state: ApplyState) => {
      if (state.result === "ok" && state.nextHref) {
        router.push(state.nextHref);
        return;
      }
      setApplying(false);
      setGeneration((g) => g + 1);
    },
    [router],
  );
  return { plan, applying, message, generation, finish, onFinished };
}
