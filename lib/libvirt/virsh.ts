import "server-only";
import { registerFailureClassifier } from "@/lib/ssh/classify";
import { virshFailure, virshTimedOut } from "./errors";
import { LIBVIRT_URI } from "./uri";

// virsh the way Switchyard runs it: one URI, English messages, our options
// before `--` and every operand after it. Building an argv here also registers
// the reading of virsh's failures with the transport (lib/ssh knows no virsh).

export { LIBVIRT_URI };

// `LC_ALL=C` keeps virsh's messages in English so the error mapping can read
// them. It goes through `env` because a quoted `'LC_ALL=C'` is not a shell
// assignment: every element we send is quoted.
const VIRSH_PREFIX = ["env", "LC_ALL=C", "virsh", "-c", LIBVIRT_URI] as const;

const SUBCOMMAND = /^[a-z][a-z0-9-]*$/;
// Options are written by us, never by users: a flag, or a plain token as a flag's value.
const OPTION = /^(--[a-z][a-z0-9-]*|[A-Za-z0-9][A-Za-z0-9_.:,=/-]*)$/;

/**
 * `LC_ALL=C virsh -c qemu:///system <subcommand> [options…] -- [operands…]`.
 * Operands (names, UUIDs, XML, /dev/stdin) come after `--`, so a name such as
 * `--help` is a name to virsh, never an option.
 */
export function virshArgv(
  subcommand: string,
  options: readonly string[] = [],
  operands: readonly string[] = [],
): string[] {
  if (!SUBCOMMAND.test(subcommand)) throw new TypeError(`not a virsh subcommand: ${JSON.stringify(subcommand)}`);
  for (const option of options) {
    if (!OPTION.test(option)) throw new TypeError(`not a virsh option: ${JSON.stringify(option)}; pass user input as an operand`);
  }
  const argv = [...VIRSH_PREFIX, subcommand, ...options];
  return operands.length > 0 ? [...argv, "--", ...operands] : argv;
}

/** True when argv was built by virshArgv (so its failures are read as libvirt's). */
export function isVirshArgv(argv: readonly string[]): boolean {
  return VIRSH_PREFIX.every((part, i) => argv[i] === part);
}

registerFailureClassifier({
  owns: isVirshArgv,
  failed: virshFailure,
  timedOut: (host, _argv, stderr) => virshTimedOut(host, stderr),
});
