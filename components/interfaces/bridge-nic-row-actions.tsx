"use client";

import Link from "next/link";
import { planUnbridge } from "@/app/hosts/[host]/interfaces/bridge-nic-actions";
import { newNetworkHref } from "@/lib/routes";
import { button } from "./styles";
import type { PlanFlow } from "./use-plan-flow";

const DEFAULT_SECONDS = 30;

/**
 * On a bridge over one NIC that carries addresses (what "Bridge this NIC" made):
 * hand the addresses back and delete it, under the dead-man switch. The plain
 * Delete still refuses such a bridge when it carries the console's connection.
 */
export function UnbridgeButton({ host, bridge, flow }: { host: string; bridge: string; flow: PlanFlow }) {
  return (
    <button type="button" className={button} disabled={flow.busy} aria-label={`Unbridge ${bridge}`}
      onClick={() => flow.ask(() => planUnbridge({ host, bridge, seconds: DEFAULT_SECONDS }))}>Unbridge (guarded)</button>
  );
}

/** The wizard's bridged mode with this bridge chosen. */
export function BridgedNetworkLink({ host, bridge }: { host: string; bridge: string }) {
  return (
    <Link href={`${newNetworkHref(host)}?mode=bridge&bridge=${encodeURIComponent(bridge)}`} aria-label={`Create a bridged network on ${bridge}`}
      className="text-sm text-brand-600 hover:underline dark:text-brand-500">Create a bridged network</Link>
  );
}
