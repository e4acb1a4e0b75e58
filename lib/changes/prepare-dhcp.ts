import "server-only";
import { fail, type ActionResult } from "@/lib/actions/result";
import { parseCidr } from "@/lib/domain/net";
import { dhcpRangeIssues, unmodeledWarning, validateSpec, type Layer3Network } from "@/lib/domain/network";
import { loadEditContext, specsToCheck } from "./network-edit-context";
import { dhcpHostPlan, dhcpRangePlan } from "./network-edit-dhcp";
import { storePlan } from "./plan-store";
import type { PrepareRequest } from "./request";
import type { Plan } from "@/lib/domain/plan";
import { findStaticHost, hostFieldErrors, toDhcpHost, type HostFields } from "@/lib/domain/network/dhcp-input";

// Server side of the DHCP tab: read the network fresh, check the request with
// the model's rules, and store the plan the operator reviews. Nothing here
// changes the host; the plan runs only when it is applied.

const NO_ADDRESSES = "This network has no addresses of its own, so it has no DHCP server.";

type NetworkInput = { uuid: string };

export async function prepareDhcpHostAdd({ operator, host: hostName, input }: PrepareRequest<NetworkInput & HostFields & { action?: string }>): Promise<ActionResult<Plan>> {
  const { uuid, action, ...fields } = input;
  const ctx = await loadEditContext(hostName, uuid);
  if (!ctx.ok) return ctx;
  if (!ctx.data.config) return fail("invalid-state", NO_ADDRESSES);
  const host = toDhcpHost(fields);
  const fieldErrors = hostFieldErrors(specsToCheck(ctx.data), host);
  if (Object.keys(fieldErrors).length > 0) return fail("invalid", "Check the highlighted fields.", fieldErrors);
  return storePlan(dhcpHostPlan(ctx.data, "add", host, action), operator.id);
}

export async function prepareDhcpHostDelete({ operator, host: hostName, input }: PrepareRequest<NetworkInput & { mac?: string; ip: string }>): Promise<ActionResult<Plan>> {
  const { uuid, mac, ip } = input;
  const ctx = await loadEditContext(hostName, uuid);
  if (!ctx.ok) return ctx;
  const existing = ctx.data.config && findStaticHost(ctx.data.config, mac, ip);
  if (!existing) return fail("not-found", `The network's definition has no static host ${ip}; refresh the page.`);
  return storePlan(dhcpHostPlan(ctx.data, "delete", existing), operator.id);
}

export async function prepareDhcpRange({ operator, host: hostName, input: range }: PrepareRequest<NetworkInput & { start: string; end: string }>): Promise<ActionResult<Plan>> {
  const { uuid } = range;
  const ctx = await loadEditContext(hostName, uuid);
  if (!ctx.ok) return ctx;
  const { config, network, unmodeled } = ctx.data;
  if (network.active) return fail("invalid-state", "Stop the network first: the DHCP range can be changed only while the network is stopped.");
  const ip = config?.ipv4;
  const cidr = ip && parseCidr(`${ip.address}/${ip.prefix}`);
  if (!config || !ip || !cidr) return fail("invalid-state", NO_ADDRESSES);
  // The range is rebuilt through the model, which would drop XML it does not carry.
  const warning = unmodeledWarning(unmodeled);
  if (warning) return fail("unmodeled", warning);
  const wanted = { start: range.start.trim(), end: range.end.trim() };
  const issues = dhcpRangeIssues(cidr, ip.address, wanted);
  if (issues.length > 0) return fail("invalid", "Check the highlighted fields.", Object.fromEntries(issues.map((i) => [i.path.join("."), i.message])));
  const ranges = [wanted, ...(ip.dhcp?.ranges.slice(1) ?? [])];
  const next: Layer3Network = { ...config, ipv4: { ...ip, dhcp: { ranges, hosts: ip.dhcp?.hosts ?? [] } } };
  const checked = validateSpec(next);
  if (!checked.ok) return fail("invalid", Object.values(checked.fieldErrors)[0] ?? "The network would not be valid.", checked.fieldErrors);
  return storePlan(dhcpRangePlan(ctx.data, next), operator.id);
}
