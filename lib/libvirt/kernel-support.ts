import "server-only";
import { defineRemoteScript, runScript, type SshTarget } from "@/lib/ssh";

// Whether a host's kernel can make Linux VLAN (802.1Q) and bond devices, asked
// before a plan is offered, so the refusal names the missing support instead
// of iproute2's bare "Unknown device type". A driver counts when it is loaded
// (/sys/module), built in (modules.builtin) or installable (modules.dep) for
// the running kernel. One exec, fixed text; nothing of the caller's in it.

export const KERNEL_DRIVERS = { vlan: "8021q", bond: "bonding" } as const;
export type KernelDriver = keyof typeof KERNEL_DRIVERS;
export type DriverState = "loaded" | "builtin" | "module" | "missing";
export type KernelSupport = { release: string; drivers: Record<KernelDriver, DriverState> };

const SCRIPT = defineRemoteScript(
  "switchyard-kernel-support",
  String.raw`
support() {
  r=$(uname -r)
  printf 'release %s\n' "$r"
  for m in 8021q bonding; do
    if [ -d "/sys/module/$m" ]; then s=loaded
    elif [ -r "/lib/modules/$r/modules.builtin" ] && grep -q "/$m\.ko" "/lib/modules/$r/modules.builtin"; then s=builtin
    elif [ -r "/lib/modules/$r/modules.dep" ] && grep -q "/$m\.ko" "/lib/modules/$r/modules.dep"; then s=module
    else s=missing; fi
    printf '%s %s\n' "$m" "$s"
  done
}
sy_section support support
`,
);

export function parseKernelSupport(text: string): KernelSupport {
  const line = (key: string) => new RegExp(`^${key} (\\S+)$`, "m").exec(text)?.[1];
  const state = (m: string): DriverState => {
    const s = line(m);
    return s === "loaded" || s === "builtin" || s === "module" ? s : "missing";
  };
  return { release: line("release") ?? "unknown", drivers: { vlan: state(KERNEL_DRIVERS.vlan), bond: state(KERNEL_DRIVERS.bond) } };
}

export async function readKernelSupport(target: SshTarget): Promise<KernelSupport> {
  const result = await runScript(target, SCRIPT, [], { timeoutMs: 10_000 });
  return parseKernelSupport(result.sections[0]?.stdout ?? "");
}

/** The refusal for a kernel without the driver, naming it and where it was looked for. */
export function missingDriverMessage(kind: KernelDriver, release: string): string {
  const what = kind === "vlan" ? "802.1Q VLAN devices (driver 8021q, CONFIG_VLAN_8021Q)" : "bonding (driver bonding, CONFIG_BONDING)";
  const instead = kind === "vlan" ? "an Open vSwitch port with a VLAN tag or trunk" : "an Open vSwitch bond (Add bond)";
  return `This host's kernel ${release} has no support for ${what}: the driver is not loaded (/sys/module), built in (modules.builtin) or installed (/lib/modules/${release}/modules.dep). Use ${instead} instead.`;
}
