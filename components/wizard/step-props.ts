import type { WizardDeviceChoices } from "@/lib/wizard/device-choices";
import type { Edited } from "./follow";

/** What every step's body gets from the wizard. */
export type StepProps = {
  edited: Edited;
  /** The host's forwarding devices for "Destination". */
  destinations: string[];
  /** The host's bridges, NICs and SR-IOV functions for a device network, each with why it cannot be used. */
  devices: WizardDeviceChoices;
};
