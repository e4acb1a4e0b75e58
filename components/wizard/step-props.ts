import type { Edited } from "./follow";

/** What every step's body gets from the wizard. */
export type StepProps = {
  edited: Edited;
  /** The host's forwarding devices for "Destination". */
  destinations: string[];
};
