import "server-only";
import { fail, type ActionResult } from "@/lib/actions/result";
import { attachedDomains } from "@/lib/domain/host/snapshot-vms";
import { newDnsHostIssues, unmodeledWarning, validateSpec, type DnsHost } from "@/lib/domain/network";
import { loadEditContext } from "./network-edit-context";
import { dnsHostPlan, dnsSettingsPlan, restartPlan } from "./network-edit-dns";
import { storePlan } from "./plan-store";
import type { PrepareRequest } from "./request";
import type { Plan } from "@/lib/domain/plan";
import { applySettings, type SettingsFields } from "@/lib/domain/network/dns-input";

// Server side of the DNS tab. Each function reads the network fresh, checks
// the request with the model's rules and stores a plan; nothing runs yet.

const NO_DNS = "This network has no addresses of its own, so libvirt runs no DNS server for it.";

const splitHostnames = (text: string) => text.split(/[\s,]+/).filter(Boolean);

type NetworkInput = { uuid: string };

export async function prepareDnsHostAdd({ operator, host: hostName, input: fields }: PrepareRequest<NetworkInput & { ip: string; hostnames: string }>): Promise<ActionResult<Plan>> {
  const { uuid } = fields;
  const record: DnsHost = { ip: fields.ip.trim(), hostnames: splitHostnames(fields.hostnames) };
  const fieldErrors: Record<string, string> = {};
  for (const i of newDnsHostIssues(record)) fieldErrors[String(i.path[0] ?? "ip")] ??= i.message;
  if (Object.keys(fieldErrors).length > 0) return fail("invalid", "Check the highlighted fields.", fieldErrors);
  const ctx = await loadEditContext(hostName, uuid);
  if (!ctx.ok) return ctx;
  if (!ctx.data.config) return fail("invalid-state", NO_DNS);
  return storePlan(dnsHostPlan(ctx.data, "add", record), operator.id);
}

export async function prepareDnsHostDelete({ operator, host: hostName, input: { uuid, ip } }: PrepareRequest<NetworkInput & { ip: string }>): Promise<ActionResult<Plan>> {
  const ctx = await loadEditContext(hostName, uuid);
  if (!ctx.ok) return ctx;
  const record = ctx.data.config?.dns?.hosts.find((h) => h.ip === ip);
  if (!record) return fail("not-found", `The network's definition has no DNS record for ${ip}; refresh the page.`);
  return storePlan(dnsHostPlan(ctx.data, "delete", record), operator.id);
}

export async function prepareDnsSettings({ operator, host: hostName, input: { uuid, ...fields } }: PrepareRequest<NetworkInput & SettingsFields>): Promise<ActionResult<Plan>> {
  const ctx = await loadEditContext(hostName, uuid);
  if (!ctx.ok) return ctx;
  const { config, unmodeled } = ctx.data;
  if (!config) return fail("invalid-state", NO_DNS);
  const warning = unmodeledWarning(unmodeled);
  if (warning) return fail("unmodeled", warning);
  const changed = applySettings(config, fields);
  if (!changed.ok) return fail("invalid", "Check the highlighted fields.", changed.fieldErrors);
  const checked = validateSpec(changed.next);
  if (!checked.ok) return fail("invalid", Object.values(checked.fieldErrors)[0] ?? "The network would not be valid.", checked.fieldErrors);
  return storePlan(dnsSettingsPlan(ctx.data, changed.next), operator.id);
}

export async function prepareRestart({ operator, host: hostName, input: { uuid } }: PrepareRequest<NetworkInput>): Promise<ActionResult<Plan>> {
  const ctx = await loadEditContext(hostName, uuid);
  if (!ctx.ok) return ctx;
  if (!ctx.data.network.active) return fail("invalid-state", "The network is not running; start it instead.");
  const vms = attachedDomains(ctx.data.snapshot, ctx.data.network).filter((d) => d.state === "running");
  const note = vms.length ? `Running VMs attached: ${vms.map((d) => d.name).join(", ")}; they lose connectivity for a moment.` : "No running VM is attached to this network.";
  return storePlan(restartPlan(ctx.data, note), operator.id);
}
