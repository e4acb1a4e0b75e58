import "server-only";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import { createNetworkPlan } from "./create-network";
import { storePlan } from "./plan-store";
import type { PrepareRequest } from "./request";
import type { CreateReview, Plan } from "@/lib/domain/plan";
import type { HostRef, HostSnapshot } from "@/lib/domain/host/snapshot";
import { randomUuid, returnRouteHints, uplinkAddress, validateWizard, wizardToSpec, type HostFacts, type WizardValues } from "@/lib/domain/network";
import { withHost } from "@/lib/libvirt/host-read";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { defaultRouteDevice, hostFactsOf, sshUplinkOf } from "@/lib/wizard/host-facts";
import { stepFieldErrors, type WizardStepIndex } from "@/lib/wizard/step-errors";

// The wizard's server side. Every check reads the host afresh (one snapshot
// exec): the facts the page was rendered with may be minutes old, and a name
// or subnet taken since then must be caught before anything runs.

export type WizardHost = { host: HostRef; snapshot: HostSnapshot; facts: HostFacts };

export function readWizardHost(hostName: string): Promise<ActionResult<WizardHost>> {
  return withHost(hostName, async (host, target) => {
    const snapshot = await readHostSnapshot(target);
    const sshUplink = sshUplinkOf(snapshot, target.address);
    return { host, snapshot, facts: { ...hostFactsOf(snapshot), ...(sshUplink ? { sshUplink } : {}) } };
  });
}

const INVALID = "Check the highlighted fields.";

export async function checkStep({ host: hostName, input: { step, values } }: PrepareRequest<{ step: WizardStepIndex; values: unknown }>): Promise<ActionResult> {
  const read = await readWizardHost(hostName);
  if (!read.ok) return read;
  const errors = stepFieldErrors(values, step, read.data.facts);
  return Object.keys(errors).length ? fail("invalid", INVALID, errors) : ok(undefined);
}

function validated(read: WizardHost, values: unknown): ActionResult<WizardValues> {
  const checked = validateWizard(values, { facts: read.facts });
  return checked.ok ? ok(checked.value) : fail("invalid", INVALID, checked.fieldErrors);
}


export async function reviewCreate({ host: hostName, input: { values } }: PrepareRequest<{ values: unknown }>): Promise<ActionResult<CreateReview>> {
  const read = await readWizardHost(hostName);
  if (!read.ok) return read;
  const checked = validated(read.data, values);
  if (!checked.ok) return checked;
  const uuid = randomUuid();
  const spec = wizardToSpec(checked.data, { uuid });
  const draft = createNetworkPlan(read.data.host, { ...spec, uuid }, checked.data.autostart);
  const dev = checked.data.forward.destination || defaultRouteDevice(read.data.snapshot);
  const uplink = dev ? { ipv4: uplinkAddress(read.data.facts, dev), ipv6: uplinkAddress(read.data.facts, dev, "ipv6") } : {};
  return ok({
    uuid,
    xml: draft.xml!,
    commands: draft.steps.map((s) => ({ title: s.title, argv: s.argv, stdin: s.stdin !== undefined })),
    returnRoutes: returnRouteHints(spec, uplink),
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Finish: validate everything again against the host as it is now, and store
 * the plan the review showed (same values, same UUID, so the same XML and
 * argv). A UUID already on the host is refused: define would redefine it.
 */
export async function prepareCreate({ operator, host: hostName, input: { values, uuid } }: PrepareRequest<{ values: unknown; uuid: string }>): Promise<ActionResult<Plan>> {
  if (!UUID.test(uuid)) return fail("invalid", "The review is out of date; go back a step and forward again.");
  const read = await readWizardHost(hostName);
  if (!read.ok) return read;
  const checked = validated(read.data, values);
  if (!checked.ok) return checked;
  if (read.data.snapshot.networks.some((n) => n.uuid.toLowerCase() === uuid)) {
    return fail("conflict", "A network with this request's UUID already exists; review the plan again.");
  }
  const spec = { ...wizardToSpec(checked.data, { uuid }), uuid };
  return storePlan(createNetworkPlan(read.data.host, spec, checked.data.autostart), operator.id);
}
