import "server-only";
import { buildNetworkXml, type DhcpHost, type Layer3Network } from "@/lib/domain/network";
import type { EditContext } from "./network-edit-context";
import { defineStep, unchangedGuardStep } from "./network-edit-define";
import { dhcpHostXml, netUpdateStep, updateScope, type UpdateCommand } from "./network-edit-update";
import type { PlanDraft } from "@/lib/domain/plan";

// DHCP changes as plans for the shared flow: a static host is one net-update
// (live when the network runs), the range is a redefinition of a stopped network.

const describeHost = (h: DhcpHost) => `${h.ip} for ${h.mac ?? h.id ?? h.name}${h.name && h.mac ? ` (${h.name})` : ""}`;

function scopeNote(ctx: EditContext): string {
  const scope = updateScope(ctx.network);
  if (scope.includes("--live") && scope.includes("--config")) return "The network is running: the change applies now (--live) and is kept in its definition (--config).";
  if (scope.includes("--live")) return "This network is transient: the change applies to the running network only.";
  return "The network is stopped: the change goes into its definition (--config) and applies when it starts.";
}

export function dhcpHostPlan(ctx: EditContext, command: UpdateCommand, host: DhcpHost, action = `network.dhcp-host.${command}`): PlanDraft {
  const verb = command === "add" ? "Reserve" : "Remove the reservation of";
  const xml = dhcpHostXml(host);
  return {
    action,
    host: ctx.host,
    target: ctx.network.name,
    summary: `${verb} ${describeHost(host)} on network ${ctx.network.name} (${ctx.host.name})`,
    steps: [netUpdateStep(ctx.network, command, "ip-dhcp-host", xml, command === "add" ? "Add the static DHCP host" : "Delete the static DHCP host")],
    xml,
    notes: [scopeNote(ctx), ...(command === "add" ? ["A guest that already holds another address keeps it until its lease is renewed."] : [])],
  };
}

export function dhcpRangePlan(ctx: EditContext, next: Layer3Network): PlanDraft {
  const xml = buildNetworkXml(next);
  const range = next.ipv4?.dhcp?.ranges[0];
  return {
    action: "network.dhcp-range",
    host: ctx.host,
    target: ctx.network.name,
    summary: `Set the DHCP range of ${ctx.network.name} to ${range?.start} – ${range?.end} (${ctx.host.name})`,
    steps: [unchangedGuardStep(ctx.network.uuid, ctx.inactiveXml), defineStep(xml, ctx.inactiveXml)],
    xml,
    notes: ["The network is stopped: dnsmasq reads the new range when the network is started."],
  };
}
