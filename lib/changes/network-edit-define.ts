import "server-only";
import { virshArgv } from "@/lib/ssh";
import type { SnapshotNetwork } from "@/lib/domain/host/snapshot";
import type { PlanStep } from "./plan-types";

// Changes net-update cannot make (the DHCP range, the domain, forwarders, a
// whole edited document) redefine the network. libvirt keeps the UUID, so the
// network stays the same one; a running network keeps its old settings until
// it is restarted.

export function defineStep(xml: string, previousXml: string, title = "Redefine the network from the XML below"): PlanStep {
  return {
    title,
    argv: virshArgv("net-define", ["--validate"], ["/dev/stdin"]),
    stdin: xml,
    undo: { title: "Restore the previous definition", argv: virshArgv("net-define", ["--validate"], ["/dev/stdin"]), stdin: previousXml },
  };
}

/** Restart = destroy then start; if the start fails, the undo starts it again with whatever definition it has. */
export function restartSteps(network: Pick<SnapshotNetwork, "uuid">): PlanStep[] {
  return [
    {
      title: "Stop the network (its guests lose connectivity until it is started)",
      argv: virshArgv("net-destroy", [], [network.uuid]),
      undo: { title: "Start it again", argv: virshArgv("net-start", [], [network.uuid]) },
    },
    { title: "Start the network with its current definition", argv: virshArgv("net-start", [], [network.uuid]) },
  ];
}

export const RESTART_NOTE = "A running network keeps its old settings until it is restarted: its DHCP and DNS server (dnsmasq) reads them at start.";
