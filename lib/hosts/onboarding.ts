import "server-only";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import type { HostVersions } from "@/lib/domain/host/status";
import { runCommand, type SshTarget } from "@/lib/ssh";
import { virshArgv } from "@/lib/libvirt/virsh";
import { onboardingFailure, type Who } from "./explain";
import { parseVirshVersion } from "./virsh-version";

// The checks a host must pass before it is stored. Each runs over the
// connection made with the pinned key, so the credentials only ever reach the
// host whose key the operator trusted.

/** Every argv sent to a host quotes each word as 'word'; this one proves the login shell reads them so. */
export const QUOTING_PROBE = ["printf", "%s", "a'b"] as const;
const QUOTING_EXPECTED = "a'b";
export const VIRSH_PRESENT = ["virsh", "--version"] as const;
export const LIBVIRT_REACHABLE = virshArgv("version");

/** The verdict, and every argv that was sent (for the audit log, pass or fail). */
export type OnboardingReport = { outcome: ActionResult<HostVersions>; commands: string[][] };

export async function runOnboardingChecks(target: SshTarget, who: Who): Promise<OnboardingReport> {
  const commands: string[][] = [];
  return { outcome: await checks(target, who, commands), commands };
}

async function checks(target: SshTarget, who: Who, commands: string[][]): Promise<ActionResult<HostVersions>> {
  const run = (argv: readonly string[], allowFailure = false) => {
    commands.push([...argv]);
    return runCommand(target, argv, { timeoutMs: 15_000, allowFailure });
  };
  try {
    const quoting = await run(QUOTING_PROBE, true);
    if (quoting.code !== 0 || quoting.stdout !== QUOTING_EXPECTED) {
      return fail(
        "shell-quoting",
        `The login shell of ${who.username} on ${who.name} does not read POSIX quoting: ` +
          `printf %s 'a'\\''b' printed ${JSON.stringify(quoting.stdout)} instead of "a'b". Give ${who.username} a POSIX shell such as /bin/sh or /bin/bash.`,
        { username: `The login shell of ${who.username} is not a POSIX shell.` },
      );
    }
    const virsh = await run(VIRSH_PRESENT, true);
    if (virsh.code !== 0) {
      return fail("virsh-missing", `virsh is not installed on ${who.name} (or not on the PATH of ${who.username}). Install libvirt-clients there.`);
    }
    const version = await run(LIBVIRT_REACHABLE);
    return ok(parseVirshVersion(version.stdout));
  } catch (error) {
    return onboardingFailure(error, who);
  }
}
