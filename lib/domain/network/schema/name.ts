// Network name: libvirt itself refuses only '/', so the shape is ours to enforce.
import { z } from "zod";
import type { HostFacts, SelfRef } from "../facts";
import { isSelf } from "../facts";
import { issue, type Issue } from "./issues";

export const NAME_MAX = 50;

export const networkNameSchema = z
  .string()
  .min(1, { error: "Enter a network name." })
  .max(NAME_MAX, { error: `Use at most ${NAME_MAX} characters.` })
  .regex(/^[A-Za-z0-9._-]*$/, { error: "Use only letters, digits, '.', '_' and '-' (no spaces)." })
  .regex(/^([A-Za-z0-9]|$)/, { error: "Start the name with a letter or a digit." });

/** Unique among the host's networks, active or inactive. */
export function nameIssues(name: string, facts: HostFacts, self?: SelfRef): Issue[] {
  const taken = facts.networks.some((n) => n.name === name && !isSelf(n, self));
  return taken ? [issue([], `A network named '${name}' already exists on this host.`)] : [];
}
