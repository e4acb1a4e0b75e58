import type { ComponentType } from "react";
import { WIZARD_STEPS } from "@/lib/domain/network";
import { Ipv4Step, Ipv6Step } from "./family-step";
import { DeviceStep } from "./device-step";
import { ForwardStep } from "./forward-step";
import { NameStep } from "./name-step";
import type { StepProps } from "./step-props";

// The wizard as data: its pages (from the network model, with the fields
// "Forward" validates) and the body that renders each. A walk (virt-manager's
// four pages, or name + devices for a device network) picks which are shown;
// the wizard component only walks that list.

export type WizardStep = {
  /** What the page is about, under its "Step N of M" heading. */
  subtitle: string;
  fields: readonly string[];
  Body: ComponentType<StepProps>;
};

const BODIES: ComponentType<StepProps>[] = [NameStep, Ipv4Step, Ipv6Step, ForwardStep, DeviceStep];

export const STEPS: readonly WizardStep[] = WIZARD_STEPS.map((s, i) => ({ subtitle: s.subtitle, fields: s.fields, Body: BODIES[i]! }));

/** The first page of this walk holding one of these field paths ("ipv4.dhcpStart"), as a position in the walk, for server errors found at Finish. */
export function stepOfFields(paths: string[], walk: readonly number[]): number | null {
  const position = walk.findIndex((i) => paths.some((p) => STEPS[i]!.fields.includes(p.split(".")[0]!)));
  return position === -1 ? null : position;
}
