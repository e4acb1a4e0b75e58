import "server-only";
import { createHash } from "node:crypto";
import { LIBVIRT_URI, virshArgv } from "@/lib/libvirt/virsh";
import type { SnapshotNetwork } from "@/lib/domain/host/snapshot";
import type { PlanStep } from "@/lib/domain/plan";

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

/**
 * First step of every redefinition: stop unless the host's definition is still
 * byte for byte the one the plan was built from (sha256 of `net-dumpxml
 * --inactive`). Without it, an out-of-band edit made between review and
 * confirm would be silently overwritten. The hash, not the XML, is passed, so
 * the step stays one copyable line.
 */
export function unchangedGuardStep(uuid: string, inactiveXml: string): PlanStep {
  const script = `[ "$(env LC_ALL=C virsh -c ${LIBVIRT_URI} net-dumpxml --inactive -- "$1" | sha256sum)" = "$2  -" ] || { echo "The network's definition changed on the host since this plan was made; nothing was changed. Review it again." >&2; exit 1; }`;
  return { title: "Check that the definition is still the one reviewed", argv: ["sh", "-c", script, "sh", uuid, createHash("sha256").update(inactiveXml).digest("hex")] };
}
