"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { wizardSchema, type HostFacts, type WizardValues } from "@/lib/domain/network";
import type { WizardDeviceChoices } from "@/lib/wizard/device-choices";
import { ApplyProgress } from "./apply-progress";
import { editedFlags } from "./follow";
import { Review } from "./review";
import { STEPS } from "./steps";
import { useFinish } from "./use-finish";
import { useReview } from "./use-review";
import { useStepWalk } from "./use-step-walk";
import { WizardButtons } from "./wizard-buttons";
import { hostNetworksHref } from "@/lib/routes";
import { ErrorBox } from "@/components/ui";

type Props = { host: string; facts: HostFacts; defaults: WizardValues; destinations: string[]; devices: WizardDeviceChoices };

/** virt-manager's "Create a new virtual network", one step at a time, over the shared plan → apply flow. */
export function CreateNetworkWizard(props: Props) {
  // The host's facts ride along so names and overlaps are checked as you type.
  const resolver = useMemo(() => zodResolver(wizardSchema({ facts: props.facts })), [props.facts]);
  const form = useForm<WizardValues>({ resolver, defaultValues: props.defaults, mode: "onChange" });
  return (
    <FormProvider {...form}>
      <WizardBody {...props} />
    </FormProvider>
  );
}

function WizardBody({ host, destinations, devices }: Props) {
  const router = useRouter();
  const [edited] = useState(editedFlags);
  const walk = useStepWalk(host);
  const { step, position, last, setPosition } = walk;
  const { Body, subtitle } = STEPS[step]!;
  const title = `Step ${position + 1} of ${walk.walk.length}`;
  return (
    <form noValidate aria-label="Create a new virtual network" onSubmit={(e) => e.preventDefault()} className="space-y-6 rounded-lg border border-zinc-200 p-5 dark:border-zinc-800">
      <header>
        <h2 className="text-lg font-semibold">{title}</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{subtitle}</p>
      </header>
      <Body edited={edited} destinations={destinations} devices={devices} />
      {last ? <FinishArea host={host} goTo={setPosition} walk={walk} onCancel={() => router.push(hostNetworksHref(host))} /> : null}
      {!last ? (
        <>
          <ErrorBox message={walk.message} />
          <WizardButtons first={position === 0} last={false} busy={walk.busy} canFinish={false} onBack={walk.back} onForward={walk.forward}
            onCancel={() => router.push(hostNetworksHref(host))} onFinish={() => {}} />
        </>
      ) : null}
    </form>
  );
}

type FinishProps = { host: string; goTo: (step: number) => void; walk: ReturnType<typeof useStepWalk>; onCancel: () => void };

/** Step 4's review, Finish and its live progress: mounted only on the last step, so the review is asked for only there. */
function FinishArea({ host, goTo, walk, onCancel }: FinishProps) {
  const run = useFinish(host, goTo);
  const review = useReview(host, run.generation);
  return (
    <>
      <Review state={review} />
      {run.plan ? <ApplyProgress key={run.plan.id} plan={run.plan} onFinished={run.onFinished} /> : null}
      <ErrorBox message={run.message} />
      <WizardButtons first={false} last busy={run.applying} canFinish={!!review.review && !review.loading} onBack={walk.back} onForward={walk.forward} onCancel={onCancel} onFinish={() => run.finish(review.review?.uuid)} />
    </>
  );
}
