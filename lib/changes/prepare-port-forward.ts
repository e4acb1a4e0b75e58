import "server-only";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import type { Operator } from "@/lib/auth/roles";
import type { HostRef, HostSnapshot, SnapshotNetwork } from "@/lib/domain/host/snapshot";
import { findNetworkByUuid } from "@/lib/domain/host/snapshot-vms";
import { buildNetworkXml, parseNetworkXml, unmodeledWarning, type NatNetwork } from "@/lib/domain/network";
import { describeRule, diffRules, ruleKey, type PortForwardRule } from "@/lib/domain/network/port-forward";
import { portForwardFormSchema, portForwardIssues, ruleFromForm, type PortForwardContext } from "@/lib/domain/network/port-forward-schema";
import type { Plan, PlanDraft } from "@/lib/domain/plan";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { withHost } from "@/lib/libvirt/host-read";
import { readForwardFacts, type ForwardFacts } from "@/lib/libvirt/port-forward-read";
import { applyStep, installHookSteps } from "@/lib/libvirt/port-forward-plans";
import type { SshTarget } from "@/lib/ssh";
import { defineStep, unchangedGuardStep } from "./network-edit-define";
import { storePlan } from "./plan-store";
import type { PrepareRequest } from "./request";

// Server side of the Port forwarding tab: read the network and the host fresh,
// check the rule, and store the plan the operator reviews. The plan writes
// the rules into the network's persistent XML (net-define), installs the hook
// the first time (and restarts libvirtd so it finds it), and runs the hook's
// apply step so a running network gets the change now. Nothing here changes
// the host.

export type ForwardView = {
  network: { uuid: string; name: string; active: boolean; persistent: boolean; mode: string };
  /** The persistent definition's rules: what the hook applies. */
  rules: PortForwardRule[];
  hostAddresses: string[];
  hook: ForwardFacts["hook"];
  root: boolean;
  /** Why this network cannot take forwards, or null. */
  refusal: string | null;
};

type Loaded = { host: HostRef; target: SshTarget; snapshot: HostSnapshot; network: SnapshotNetwork; facts: ForwardFacts; spec: NatNetwork | null; unmodeled: string[] };

async function load(hostName: string, uuid: string): Promise<ActionResult<Loaded>> {
  const read = await withHost(hostName, async (host, target) => {
    const [snapshot, facts] = await Promise.all([readHostSnapshot(target, { scope: "networks" }), readForwardFacts(target, uuid)]);
    return { host, target, snapshot, facts };
  });
  if (!read.ok) return read;
  const network = findNetworkByUuid(read.data.snapshot, uuid);
  if (!network) return fail("network-not-found", "That network is no longer on the host; refresh the page.");
  const parsed = parseNetworkXml(read.data.facts.inactiveXml);
  if (!parsed.ok) return fail("unreadable", `Switchyard cannot read this network's XML: ${parsed.error}`);
  const spec = parsed.spec.mode === "nat" ? parsed.spec : null;
  return ok({ ...read.data, network, spec, unmodeled: parsed.unmodeled });
}

function refusalOf(l: Loaded): string | null {
  if (!l.spec) return "Port forwards are for NAT networks: other modes either route the guests' addresses already or have none of their own.";
  if (!l.network.persistent) return "This network is transient (not defined): its forwards could not be kept in its definition.";
  if (!l.spec.ipv4) return "This network has no IPv4 subnet to forward into.";
  if (!l.facts.root) return `The console logs in to this host as '${l.target.username}'. Installing the hook and programming iptables need root: register the host as root to manage forwards.`;
  if (l.facts.hook === "foreign" && l.facts.chained) return "The host has a network hook that is not Switchyard's, and a network.pre-switchyard already exists beside it; sort them out by hand first.";
  return null;
}

export async function readPortForwards(hostName: string, uuid: string): Promise<ActionResult<ForwardView>> {
  const loaded = await load(hostName, uuid);
  if (!loaded.ok) return loaded;
  const l = loaded.data;
  return ok({
    network: { uuid: l.network.uuid, name: l.network.name, active: l.network.active, persistent: l.network.persistent, mode: l.spec?.mode ?? l.network.spec?.mode ?? "unknown" },
    rules: l.spec?.portForwards ?? [],
    hostAddresses: l.facts.hostAddresses,
    hook: l.facts.hook,
    root: l.facts.root,
    refusal: refusalOf(l),
  });
}

/** Every other rule on the host: the other networks' (as they run) and this network's own. */
function contextOf(l: Loaded, own: PortForwardRule[]): PortForwardContext {
  const others = l.snapshot.networks
    .filter((n) => n.uuid !== l.network.uuid)
    .flatMap((n) => (n.spec && "portForwards" in n.spec ? (n.spec.portForwards ?? []) : []).map((rule) => ({ network: n.name, rule })));
  const ip = l.spec?.ipv4;
  return {
    networkCidr: ip ? `${ip.address}/${ip.prefix}` : null,
    hostAddresses: l.facts.hostAddresses,
    existing: [...own.map((rule) => ({ network: l.network.name, rule })), ...others],
    listening: l.facts.listening,
  };
}

function plan(l: Loaded, operator: Operator, next: PortForwardRule[], verb: string): Promise<ActionResult<Plan>> {
  const spec = l.spec!;
  const before = spec.portForwards ?? [];
  const xml = buildNetworkXml({ ...spec, portForwards: next.length ? next : undefined });
  const diff = diffRules(before, next);
  // A removal on a host without the hook has nothing applied to undo: it only rewrites the definition.
  const hookSteps = verb === "remove" && l.facts.hook === "absent" ? [] : installHookSteps(l.facts.hook, l.facts.hookText);
  const hookReady = l.facts.hook !== "absent" || hookSteps.length > 0;
  const steps = [
    unchangedGuardStep(l.network.uuid, l.facts.inactiveXml),
    ...hookSteps,
    defineStep(xml, l.facts.inactiveXml, "Keep the forwards in the network's definition (its <metadata>)"),
    ...(l.network.active && hookReady ? [applyStep(l.network.name, xml, l.facts.inactiveXml)] : []),
  ];
  const notes = [
    ...diff.added.map((r) => `Adds ${describeRule(r)}.`),
    ...diff.removed.map((r) => `Removes ${describeRule(r)}.`),
    ...(next.length === 0 ? ["No forwards remain: the hook removes every iptables chain of Switchyard's for this network."] : []),
    ...(l.facts.hook === "absent" && hookSteps.length > 0
      ? ["libvirtd looks for hooks only when it starts, so it is restarted once now. Running guests and networks keep running; the console's live view reconnects."]
      : []),
    l.network.active
      ? "The running network gets the change now; the hook applies the forwards again whenever the network starts (host reboots and net-start included)."
      : "The network is stopped: the forwards take effect when it starts.",
    "The host's own firewall (if any) must let the host port in; Switchyard's rules only forward it.",
  ];
  const draft: PlanDraft = {
    action: `network.port-forward.${verb}`,
    host: l.host,
    target: l.network.name,
    summary: `${verb === "add" ? "Add a port forward to" : "Remove a port forward from"} network ${l.network.name} on ${l.host.name}`,
    steps,
    xml,
    notes,
  };
  return storePlan(draft, operator.id);
}

type NetworkInput = { uuid: string };

export async function preparePortForwardAdd({ operator, host, input }: PrepareRequest<NetworkInput & Record<string, unknown>>): Promise<ActionResult<Plan>> {
  const { uuid, ...fields } = input;
  const form = portForwardFormSchema.safeParse(fields);
  if (!form.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of form.error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
    return fail("invalid", "Check the highlighted fields.", fieldErrors);
  }
  const loaded = await load(host, uuid);
  if (!loaded.ok) return loaded;
  const l = loaded.data;
  const refusal = refusalOf(l);
  if (refusal) return fail("invalid-state", refusal);
  // The rules are rewritten through the model, which would drop XML it does not carry.
  const warning = unmodeledWarning(l.unmodeled);
  if (warning) return fail("unmodeled", warning);
  const rule = ruleFromForm(form.data);
  const own = l.spec!.portForwards ?? [];
  const fieldErrors = portForwardIssues(rule, contextOf(l, own));
  if (Object.keys(fieldErrors).length > 0) return fail("invalid", "Check the highlighted fields.", fieldErrors);
  return plan(l, operator, [...own, rule], "add");
}

export async function preparePortForwardRemove({ operator, host, input }: PrepareRequest<NetworkInput & { key: string }>): Promise<ActionResult<Plan>> {
  const loaded = await load(host, input.uuid);
  if (!loaded.ok) return loaded;
  const l = loaded.data;
  if (!l.spec) return fail("invalid-state", "Port forwards are for NAT networks.");
  const own = l.spec.portForwards ?? [];
  if (!own.some((r) => ruleKey(r) === input.key)) return fail("not-found", "The network's definition has no such forward (any more); refresh the page.");
  const warning = unmodeledWarning(l.unmodeled);
  if (warning) return fail("unmodeled", warning);
  if (!l.facts.root) return fail("invalid-state", refusalOf(l) ?? "Removing a forward needs root on the host.");
  return plan(l, operator, own.filter((r) => ruleKey(r) !== input.key), "remove");
}
