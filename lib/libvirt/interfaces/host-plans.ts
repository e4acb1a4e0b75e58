import "server-only";
import type { PlanDraft, PlanStep } from "@/lib/domain/plan";
import type { HostRef } from "@/lib/domain/host/snapshot";
import { brctl, ip } from "./ip-argv";

// Host bridge and TAP changes as plans for the shared change flow. Each step
// is the iproute2 argv that runs; its title carries the brctl equivalent the
// seed's instructions use, so both are on screen side by side.

export const HOST_CHANGES = ["create-bridge", "create-tap", "add-port", "remove-port", "delete-tap", "delete-bridge"] as const;
export type HostChangeKind = (typeof HOST_CHANGES)[number];

export type HostChange =
  | { change: "create-bridge" | "create-tap" | "delete-tap" | "delete-bridge"; name: string }
  | { change: "add-port"; port: string; bridge: string }
  | { change: "remove-port"; port: string; bridge: string };

export const RUNTIME_ONLY_NOTE =
  "Runtime only: iproute2 changes the running kernel, not the host's network configuration, so this does not survive a reboot.";

const same = (text: string) => ` (brctl equivalent: ${text})`;

function steps(c: HostChange): PlanStep[] {
  switch (c.change) {
    case "create-bridge":
      return [
        { title: `Create bridge ${c.name}${same(brctl.addbr(c.name))}`, argv: ip.addBridge(c.name), undo: { title: `Delete ${c.name} again`, argv: ip.del(c.name) } },
        { title: `Bring ${c.name} up`, argv: ip.up(c.name) },
      ];
    case "create-tap":
      return [
        { title: `Create TAP device ${c.name}${same(brctl.tuntapAdd(c.name))}`, argv: ip.addTap(c.name), undo: { title: `Delete ${c.name} again`, argv: ip.del(c.name) } },
        { title: `Bring ${c.name} up`, argv: ip.up(c.name) },
      ];
    case "add-port":
      return [{ title: `Add ${c.port} to bridge ${c.bridge}${same(brctl.addif(c.bridge, c.port))}`, argv: ip.master(c.port, c.bridge) }];
    case "remove-port":
      return [{ title: `Remove ${c.port} from bridge ${c.bridge}${same(brctl.delif(c.bridge, c.port))}`, argv: ip.nomaster(c.port) }];
    case "delete-tap":
      return [{ title: `Delete TAP device ${c.name}${same(brctl.tuntapDel(c.name))}`, argv: ip.del(c.name) }];
    case "delete-bridge":
      return [{ title: `Delete bridge ${c.name}${same(brctl.delbr(c.name))}`, argv: ip.del(c.name) }];
  }
}

const SUMMARY: Record<HostChangeKind, (c: HostChange) => string> = {
  "create-bridge": (c) => `Create bridge ${"name" in c ? c.name : ""}`,
  "create-tap": (c) => `Create TAP device ${"name" in c ? c.name : ""}`,
  "add-port": (c) => ("port" in c ? `Add ${c.port} to bridge ${c.bridge}` : ""),
  "remove-port": (c) => ("port" in c ? `Remove ${c.port} from bridge ${c.bridge}` : ""),
  "delete-tap": (c) => `Delete TAP device ${"name" in c ? c.name : ""}`,
  "delete-bridge": (c) => `Delete bridge ${"name" in c ? c.name : ""}`,
};

export function hostChangePlan(host: HostRef, c: HostChange, notes: string[] = []): PlanDraft {
  const plan = steps(c);
  return {
    action: `interface.${c.change}`,
    host,
    target: "name" in c ? c.name : `${c.port} → ${c.bridge}`,
    summary: `${SUMMARY[c.change](c)} on ${host.name}`,
    steps: plan,
    notes: [RUNTIME_ONLY_NOTE, ...notes],
  };
}
