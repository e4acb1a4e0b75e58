import "server-only";
import type { NetState } from "@/lib/domain/plan";
import { assertInterfaceName, runCommand, type FreshRun, type SshTarget } from "@/lib/ssh";
import { addressesFromIpJson, mastersFromIpJson, routesFromIpJson } from "./uplink-bridge-state";

// The addresses, routes and bridge membership of a few devices, read with
// iproute2's JSON; over the pool, or over a fresh connection after a change.

const READS = [
  ["ip", "-j", "addr", "show"],
  ["ip", "-j", "-4", "route", "show", "table", "main"],
  ["ip", "-j", "-6", "route", "show", "table", "main"],
  ["ip", "-j", "-d", "link", "show"],
] as const;

type Runner = (argv: readonly string[]) => Promise<{ stdout: string }>;

async function readNetStateWith(run: Runner, devices: readonly string[]): Promise<NetState> {
  devices.forEach(assertInterfaceName);
  const [addr, r4, r6, link] = await Promise.all(READS.map((argv) => run(argv)));
  return {
    addresses: addressesFromIpJson(addr!.stdout, devices),
    routes: [...routesFromIpJson(r4!.stdout, "inet", devices), ...routesFromIpJson(r6!.stdout, "inet6", devices)],
    masters: mastersFromIpJson(link!.stdout, devices),
  };
}

export const readNetState = (target: SshTarget, devices: readonly string[]) => readNetStateWith((argv) => runCommand(target, argv), devices);
export const readNetStateFresh = (run: FreshRun, devices: readonly string[]) => readNetStateWith((argv) => run(argv), devices);
