import "server-only";

// Rules for argv the transport is given. Everything that runs remotely is an
// argv array; each program's adapter builds its own (virsh: lib/libvirt/virsh.ts).
// iproute2 takes no `--`, so interface names are validated instead of escaped.

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

