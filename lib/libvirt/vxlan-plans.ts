import type { HostCommand, HostPart } from "@/lib/domain/cross-host";
import type { PlanCommand, PlanStep } from "@/lib/domain/plan";
import { assertInterfaceName } from "@/lib/ssh";
import { virshArgv } from "./virsh";

// A cross-host change's per-host parts (lib/domain/cross-host/build.ts) as
// plan steps: each step names the host it runs on, virsh commands get
// virshArgv (operands after `--`), and ip/bridge device names are checked
// once more before they become argv.

function commandOf(c: HostCommand, host: { id: string; name: string }, title: string): PlanCommand {
  if (c.kind === "virsh") {
    return { title: `${host.name}: ${title}`, argv: virshArgv(c.command, [], [c.operand]), ...(c.stdin === undefined ? {} : { stdin: c.stdin }), host };
  }
  const dev = c.argv.indexOf("dev");
  if (c.argv[1] === "link" && c.argv[2] !== "set") assertInterfaceName(c.argv[3]!);
  if (dev >= 0) assertInterfaceName(c.argv[dev + 1]!);
  return { title: `${host.name}: ${title}`, argv: c.argv, host };
}

/** Every host's steps, in the order given (a failure undoes every host's done steps, newest first). */
export function crossHostSteps(parts: HostPart[]): PlanStep[] {
  return parts.flatMap((part) => {
    const host = { id: part.hostId, name: part.hostName };
    return part.ops.map((op) => ({ ...commandOf(op.run, host, op.title), ...(op.undo ? { undo: commandOf(op.undo, host, `undo: ${op.title}`) } : {}) }));
  });
}

/** A host's removal as plain argv lists, for a host that is down now (run the next time it answers). */
export function pendingCommands(part: HostPart): string[][] {
  return part.ops.map((op) => commandOf(op.run, { id: part.hostId, name: part.hostName }, op.title).argv);
}
