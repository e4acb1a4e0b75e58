import { z } from "zod";
import type { HostLink } from "../host/snapshot";

// Interface names as the kernel and iproute2 take them. iproute2 has no `--`
// and reads a leading '-' as an option, so a name is validated, never escaped.
const INTERFACE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$/;

// Words iproute2 reads as keywords where a name may stand ("ip link del help"
// prints help). We always write `dev NAME`, but refusing them costs nothing.
const IP_KEYWORDS = new Set(["help", "dev", "name", "type", "master", "nomaster", "up", "down", "all", "any", "default"]);

export const interfaceNameSchema = z
  .string()
  .regex(INTERFACE_NAME_PATTERN, "Use 1–15 letters, digits, '_', '.' or '-', starting with a letter or digit.")
  .refine((name) => !IP_KEYWORDS.has(name.toLowerCase()), "That word is a keyword of the ip command; pick another name.");

export const isValidInterfaceName = (name: string) => interfaceNameSchema.safeParse(name).success;

/** The kernel compares names byte for byte, so "Br0" and "br0" are different links. */
export const findLink = (links: readonly HostLink[], name: string) => links.find((l) => l.ifname === name);

/** Why a new interface may not take this name, or null. */
export function newNameProblem(links: readonly HostLink[], name: string): string | null {
  const parsed = interfaceNameSchema.safeParse(name);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? "Not a valid interface name.";
  if (findLink(links, name)) return `An interface named ${name} already exists on this host.`;
  return null;
}
