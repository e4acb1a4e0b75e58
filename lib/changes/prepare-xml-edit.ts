import "server-only";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import { sshCarriers } from "@/lib/domain/interfaces/usage";
import { diffSpecs, identityIssues, parseNetworkXml, policyIdentity, XML_EDIT_MAX_BYTES, xmlPolicyIssues } from "@/lib/domain/network";
import type { EditableXml, XmlEditReview } from "@/lib/domain/plan";
import { lineDiff } from "@/lib/domain/plan/line-diff";
import { libvirtSchemaRefusal } from "@/lib/libvirt/xml-edit/schema-check";
import { loadEditContext } from "./network-edit-context";
import { xmlEditPlan } from "./network-edit-xml";
import { storePlan } from "./plan-store";
import type { PrepareRequest } from "./request";

// The XML editor's server side. Refusals come in the order an operator can
// act on them: a stale editor first (their edit is based on an old version),
// then the policy (lib/domain/network/xml-policy.ts: on the parsed tree,
// before any other parser sees the text, so a DOCTYPE's entities are never
// expanded), then the model's reading (a network, same name and UUID), then
// libvirt's schema. Nothing here changes the host.

export async function loadEditableXml({ host: hostName, input: { uuid } }: PrepareRequest<{ uuid: string }>): Promise<ActionResult<EditableXml>> {
  const ctx = await loadEditContext(hostName, uuid);
  if (!ctx.ok) return ctx;
  return ok({ uuid: ctx.data.network.uuid, xml: ctx.data.inactiveXml, active: ctx.data.network.active });
}

export async function prepareXmlEdit({ operator, host: hostName, input: { uuid, loaded, edited } }: PrepareRequest<{ uuid: string; loaded: string; edited: string }>): Promise<ActionResult<XmlEditReview>> {
  // An oversize document is refused before the host is read for it.
  if (new TextEncoder().encode(edited).length > XML_EDIT_MAX_BYTES) return fail("policy", `Nothing was changed. ${xmlPolicyIssues(edited)[0]?.message ?? ""}`);
  const ctx = await loadEditContext(hostName, uuid);
  if (!ctx.ok) return ctx;
  const current = ctx.data.inactiveXml;
  // Compared with the definition read just now: an edit based on an older
  // version would silently undo whatever changed in between.
  if (current !== loaded) {
    return ok({ kind: "stale", current, message: "The network's XML on the host changed since you opened the editor. Nothing was changed; the newer version is shown below — start again from it." });
  }
  if (edited === current) return fail("unchanged", "The XML is the same as on the host; there is nothing to apply.");
  const policy = xmlPolicyIssues(edited, { sshCarriers: sshCarriers(ctx.data.snapshot, ctx.data.target.address) });
  if (policy.length > 0) return fail("policy", `Nothing was changed. ${policy.map((p) => p.message).join(" ")}`);
  const before = parseNetworkXml(current);
  const after = parseNetworkXml(edited);
  if (!after.ok) return fail("invalid-xml", `This is not valid network XML, so nothing was changed. ${after.error}`);
  if (!before.ok) return fail("unreadable", `Switchyard cannot read the host's current XML: ${before.error}`);
  const identity = identityIssues(before.spec, after.spec);
  if (identity.length > 0) return fail("identity", identity.map((i) => i.message).join(" "));
  // Two parsers read the document; if they disagree on who it is, neither is trusted.
  const seen = policyIdentity(edited);
  if (seen.name !== after.spec.name || (seen.uuid ?? after.spec.uuid) !== after.spec.uuid) {
    return fail("identity", "The network's name or UUID reads differently depending on the parser; write them out plainly. Nothing was changed.");
  }
  const refusal = await libvirtSchemaRefusal(ctx.data.target, edited).catch(() => "libvirt's check could not run on the host; try again.");
  if (refusal) return fail("libvirt-refused", `libvirt refuses this XML, so nothing was changed:\n${refusal}`);
  const changes = diffSpecs(before.spec, after.spec);
  // The model does not read everything (e.g. <bandwidth>, <portgroup>): a change there is still a change.
  if (changes.length === 0) changes.push({ path: "other XML", restart: true });
  const saved = await storePlan(xmlEditPlan(ctx.data, edited, changes), operator.id);
  if (!saved.ok) return saved;
  return ok({ kind: "plan", plan: saved.data, diff: lineDiff(current, edited), changes, active: ctx.data.network.active });
}
