"use client";

import { useEffect, useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { previewNewNetwork } from "@/app/hosts/[host]/new-network/actions";
import type { WizardValues } from "@/lib/domain/network";
import type { CreateReview } from "@/lib/domain/plan";
import { placeServerErrors } from "./server-errors";

export type ReviewState = { review: CreateReview | null; error: string | null; loading: boolean };
type Answer = ReviewState & { key: string | null };

const QUIET_MS = 300;

/**
 * Step 4's review, asked from the server whenever the values change (after a
 * short quiet spell, so typing a domain does not fire a request per key). Each
 * answer carries a fresh UUID; Finish sends back the one on screen, so what is
 * shown is what runs. `generation` asks again (after a failed apply).
 */
export function useReview(host: string, generation: number): ReviewState {
  const { control, trigger, setError } = useFormContext<WizardValues>();
  const values = useWatch({ control });
  const valuesJson = JSON.stringify(values);
  const key = `${generation}|${valuesJson}`;
  const [state, setState] = useState<Answer>({ review: null, error: null, loading: true, key: null });
  useEffect(() => {
    let live = true;
    const timer = setTimeout(async () => {
      if (!(await trigger())) {
        if (live) setState({ review: null, error: "Fix the highlighted fields to see the plan.", loading: false, key });
        return;
      }
      setState((s) => ({ ...s, loading: true }));
      const result = await previewNewNetwork({ host, values: JSON.parse(valuesJson) as unknown });
      if (!live) return;
      // The host may have changed since the page loaded: put its objections on their fields.
      if (!result.ok) placeServerErrors(setError, result);
      setState(result.ok ? { review: result.data, error: null, loading: false, key } : { review: null, error: result.message, loading: false, key });
    }, QUIET_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [host, key, valuesJson, trigger, setError]);
  // An answer for other values (or an older generation) is stale: Finish waits for the current one.
  return { review: state.review, error: state.error, loading: state.loading || state.key !== key };
}
