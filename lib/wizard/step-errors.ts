// "Forward" validates only the step it leaves: the wizard rules run over all
// values (they need the whole form), and only the leaving step's fields keep
// their errors, so an unfinished later step never blocks an earlier one.
import { validateWizard, WIZARD_STEPS, type FieldErrors, type HostFacts, type WizardStepIndex } from "@/lib/domain/network";

export type { WizardStepIndex };

export function stepFieldErrors(values: unknown, step: WizardStepIndex, facts: HostFacts): FieldErrors {
  const checked = validateWizard(values, { facts });
  if (checked.ok) return {};
  const fields: readonly string[] = WIZARD_STEPS[step].fields;
  return Object.fromEntries(Object.entries(checked.fieldErrors).filter(([path]) => fields.includes(path.split(".")[0]!)));
}
