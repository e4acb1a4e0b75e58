import { readFileSync } from "node:fs";
import { sshdLogPath } from "@/lab";

// Counts exec channels as the host saw them: sshd (LogLevel VERBOSE) logs one
// "Starting session: command … port P" line per exec on the connection from
// our local port P.
export function sessionCommands(host: string, localPort: number): number {
  const log = readFileSync(sshdLogPath(host), "utf8");
  const pattern = new RegExp(`Starting session: command for \\S+ from \\S+ port ${localPort} `, "g");
  return log.match(pattern)?.length ?? 0;
}

/** sshd writes its log asynchronously: give it a moment before counting. */
export const settle = () => new Promise((r) => setTimeout(r, 300));
