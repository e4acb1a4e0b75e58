import type { ComponentType } from "react";
import { WIZARD_STEPS } from "@/lib/domain/network";
import { Ipv4Step, Ipv6Step } from "./family-step";
import { ForwardStep } from "./forward-step";
import { NameStep } from "./name-step";
import type { StepProps } from "./step-props";

// The wizard as data: virt-manager's four pages in order, each with the
// fields "Forward" validates (from the network model) and the body that
// renders them. The wizard component only walks this list.

export type WizardStep = {
  title: (typeof WIZARD_STEPS)[number]["title"];
  /** What the page is about, under its "Step N of 4" heading. */
  subtitle: string;
  fields: readonly string[];
  Body: ComponentType<StepProps>;
};

const BODIES: { subtitle: string; Body: ComponentType<StepProps> }[] = [
  { subtitle: "Name", Body: NameStep },
  { subtitle: "IPv4 network", Body: Ipv4Step },
  { subtitle: "IPv6 network", Body: Ipv6Step },
  { subtitle: "Connection to the physical network", Body: ForwardStep },
];

export const STEPS: readonly WizardStep[] = WIZARD_STEPS.map((s, i) => ({ title: s.title, fields: s.fields, ...BODIES[i]! }));

export const LAST_STEP = STEPS.length - 1;

/** The first step holding one of these field paths ("ipv4.dhcpStart"), for server errors found at Finish. */
export function stepOfFields(paths: string[]): number | null {
  const index = STEPS.findIndex((s) => paths.some((p) => s.fields.includes(p.split(".")[0]!)));
  return index === -1 ? null : index;
}
