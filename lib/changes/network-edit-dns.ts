import "server-only";
import { buildNetworkXml, type DnsHost, type Layer3Network } from "@/lib/domain/network";
import type { EditContext } from "./network-edit-context";
import { defineStep, unchangedGuardStep, RESTART_NOTE, restartSteps } from "./network-edit-define";
import { dnsHostXml, netUpdateStep, type UpdateCommand } from "./network-edit-update";
import type { PlanDraft } from "@/lib/domain/plan";

// DNS changes as plans. Host records go live with net-update; the domain and
// the forwarders are outside what net-update can change (libvirt refuses
// them), so they redefine the network and wait for a restart, which the page
// offers as a plan of its own.

export function dnsHostPlan(ctx: EditContext, command: UpdateCommand, record: DnsHost): PlanDraft {
  const xml = dnsHostXml(record);
  const what = `${record.ip} (${record.hostnames.join(", ")})`;
  return {
    action: `network.dns-host.${command}`,
    host: ctx.host,
    target: ctx.network.name,
    summary: `${command === "add" ? "Add" : "Remove"} the DNS record ${what} on network ${ctx.network.name} (${ctx.host.name})`,
    steps: [netUpdateStep(ctx.network, command, "dns-host", xml, command === "add" ? "Add the DNS host record" : "Delete the DNS host record")],
    xml,
    notes: ctx.network.active ? ["The network's dnsmasq answers with the change at once."] : ["The network is stopped: the record is served once it starts."],
  };
}

export function dnsSettingsPlan(ctx: EditContext, next: Layer3Network): PlanDraft {
  const xml = buildNetworkXml(next);
  return {
    action: "network.dns-settings",
    host: ctx.host,
    target: ctx.network.name,
    summary: `Change the DNS domain and forwarders of ${ctx.network.name} (${ctx.host.name})`,
    steps: [unchangedGuardStep(ctx.network.uuid, ctx.inactiveXml), defineStep(xml, ctx.inactiveXml)],
    xml,
    notes: ctx.network.active
      ? ["net-update cannot change the domain or the forwarders, so the network is redefined.", RESTART_NOTE, "Restart the network afterwards from the DNS tab."]
      : ["net-update cannot change the domain or the forwarders, so the network is redefined; they apply when it starts."],
  };
}

export function restartPlan(ctx: EditContext, attachedNote: string): PlanDraft {
  return {
    action: "network.restart",
    host: ctx.host,
    target: ctx.network.name,
    summary: `Restart network ${ctx.network.name} on ${ctx.host.name}`,
    steps: restartSteps(ctx.network),
    notes: [attachedNote, "Guests keep their addresses; their links come back when the network starts again."],
  };
}
