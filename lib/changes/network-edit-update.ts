import "server-only";
import { virshArgv } from "@/lib/libvirt/virsh";
import type { DhcpHost, DnsHost } from "@/lib/domain/network";
import { makeBuilder } from "@/lib/domain/network/xml-options";
import type { SnapshotNetwork } from "@/lib/domain/host/snapshot";
import type { PlanStep } from "@/lib/domain/plan";

// net-update changes one record of a network without a restart. The record's
// XML comes from the same builder as whole networks (every attribute and text
// escaped), never from a string template: a host name is operator input.

export type UpdateSection = "ip-dhcp-host" | "dns-host";
export type UpdateCommand = "add" | "delete";

const compact = (el: Record<string, unknown>) => (makeBuilder().build({ host: el }) as string).replace(/\n\s*/g, "");

export function dhcpHostXml(h: DhcpHost): string {
  return compact({ "@_mac": h.mac, "@_id": h.id, "@_name": h.name, "@_ip": h.ip });
}

export function dnsHostXml(h: DnsHost): string {
  return compact({ "@_ip": h.ip, hostname: h.hostnames.map((n) => ({ "#text": n })) });
}

/**
 * Where the change goes: a running persistent network gets both copies
 * (`--live --config`), a stopped one its definition, a transient one (which
 * has no definition) its running copy.
 */
export function updateScope(network: Pick<SnapshotNetwork, "active" | "persistent">): string[] {
  if (!network.active) return ["--config"];
  return network.persistent ? ["--live", "--config"] : ["--live"];
}

const OPPOSITE: Record<UpdateCommand, UpdateCommand> = { add: "delete", delete: "add" };

export function netUpdateStep(network: SnapshotNetwork, command: UpdateCommand, section: UpdateSection, xml: string, title: string): PlanStep {
  const argv = (c: UpdateCommand) => virshArgv("net-update", updateScope(network), [network.uuid, c, section, xml]);
  return { title, argv: argv(command), undo: { title: "Put it back as it was", argv: argv(OPPOSITE[command]) } };
}
