import "server-only";

// Builders for the few programs Switchyard runs on hosts. Everything that runs
// remotely is an argv array; these functions are where the rules about options
// versus user-supplied operands live.

export const LIBVIRT_URI = "qemu:///system";

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

/**
 * Linux interface names: at most 15 bytes (IFNAMSIZ − 1), no leading `-`.
 * iproute2 accepts no `--` and happily reads `-oops` as an option, so names are
 * validated instead of escaped.
 */
export const INTERFACE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$/;

export function isInterfaceName(name: string): boolean {
  return typeof name === "string" && INTERFACE_NAME.test(name);
}

export function assertInterfaceName(name: string): string {
  if (!isInterfaceName(name)) {
    throw new TypeError(`not a valid interface name: ${JSON.stringify(name)} (letters, digits, _ . -, at most 15, not starting with -)`);
  }
  return name;
}

